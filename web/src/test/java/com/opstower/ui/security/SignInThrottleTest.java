package com.opstower.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.security.SignInThrottle.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final String HOME = "192.0.2.10";

  private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final SignInThrottle throttle = new SignInThrottle(clock, SignInThrottle.MAX_KEYS);

  /** Admitted attempts that all fail (nothing to report: each was counted when admitted). */
  private void fail(String username, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(throttle.admit(username, address).isEmpty(), "attempt " + (i + 1) + " admitted");
    }
  }

  @Test
  void theSixthAttemptAfterFiveFailuresIsRefusedForFifteenMinutes() {
    fail("admin", HOME, 5);
    Optional<Refusal> refused = throttle.admit("admin", HOME);
    assertTrue(refused.isPresent());
    assertEquals(Refusal.Reason.USERNAME, refused.get().reason());
    assertEquals(900, refused.get().retryAfterSeconds());
    assertEquals(
        "Too many failed sign-ins for this username. Try again in 15 minutes"
            + " (after 2025-03-01 10:15:00 UTC).",
        refused.get().message());
  }

  @Test
  void usernamesCountCaseInsensitivelyAndTrimmed() {
    fail("admin", HOME, 2);
    fail(" ADMIN ", "198.51.100.7", 2);
    fail("Admin", "203.0.113.9", 1);
    assertTrue(throttle.admit("aDmIn", "198.51.100.99").isPresent(), "from any address");
  }

  @Test
  void anotherUsernameFromTheSameAddressIsStillAdmitted() {
    fail("admin", HOME, 5);
    assertTrue(throttle.admit("admin", HOME).isPresent());
    assertTrue(throttle.admit("operator", HOME).isEmpty());
  }

  @Test
  void twentyFailuresFromOneAddressAcrossUsernamesBlockTheAddress() {
    for (int i = 0; i < 20; i++) {
      fail("user-" + i, HOME, 1);
    }
    Optional<Refusal> refused = throttle.admit("someone-new", HOME);
    assertTrue(refused.isPresent());
    assertEquals(Refusal.Reason.ADDRESS, refused.get().reason());
    assertTrue(refused.get().message().startsWith("Too many failed sign-ins from your network"));
    assertTrue(throttle.admit("someone-new", "198.51.100.7").isEmpty(), "other addresses not");
  }

  @Test
  void anAttemptRefusedForTheAddressDoesNotCountForItsUsername() {
    for (int i = 0; i < 20; i++) {
      fail("user-" + i, HOME, 1);
    }
    for (int i = 0; i < 10; i++) {
      assertTrue(throttle.admit("operator", HOME).isPresent());
    }
    fail("operator", "198.51.100.7", 5);
  }

  @Test
  void theWindowSlidesWithTheOldestFailure() {
    for (int minute = 0; minute < 5; minute++) {
      fail("admin", HOME, 1);
      clock.advance(Duration.ofMinutes(1));
    }
    // now 10:05; failures at 10:00 … 10:04
    assertEquals(600, throttle.admit("admin", HOME).orElseThrow().retryAfterSeconds());
    clock.set(Instant.parse("2025-03-01T10:14:59Z"));
    assertEquals(1, throttle.admit("admin", HOME).orElseThrow().retryAfterSeconds());
    clock.set(Instant.parse("2025-03-01T10:15:00Z"));
    assertTrue(throttle.admit("admin", HOME).isEmpty(), "the 10:00 failure has left the window");
    Refusal again = throttle.admit("admin", HOME).orElseThrow();
    assertEquals(60, again.retryAfterSeconds(), "next: the 10:01 failure leaves at 10:16");
    assertEquals(
        "Too many failed sign-ins for this username. Try again in 1 minute"
            + " (after 2025-03-01 10:16:00 UTC).",
        again.message());
  }

  @Test
  void aSuccessClearsTheUsernameAndGivesTheAddressItsAttemptBack() {
    fail("admin", HOME, 4);
    assertTrue(throttle.admit("admin", HOME).isEmpty());
    throttle.succeeded("admin", HOME);
    fail("admin", HOME, 5);
    assertTrue(throttle.admit("admin", HOME).isPresent());

    for (int i = 0; i < 10; i++) {
      fail("user-" + i, HOME, 1);
    }
    // 4 + 5 + 10 failures from HOME (the successful attempt is not one): one more is admitted
    fail("more", HOME, 1);
    assertTrue(throttle.admit("yet-another", HOME).isPresent());
  }

  @Test
  void blankUsernamesCountOnlyForTheAddress() {
    fail("", HOME, 7);
    fail(null, HOME, 3);
    assertTrue(throttle.admit("admin", "198.51.100.7").isEmpty());
    assertEquals(3, throttle.trackedKeys(), "the two addresses and admin; no key for blanks");
  }

  @Test
  void parallelAttemptsCannotRunMoreChecksThanTheLimit() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> admitted = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String address = "198.51.100." + i;
      admitted.add(
          pool.submit(
              () -> {
                start.await();
                return throttle.admit("admin", address).isEmpty();
              }));
    }
    start.countDown();
    int passed = 0;
    for (Future<Boolean> result : admitted) {
      passed += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(SignInThrottle.MAX_PER_USERNAME, passed);
  }

  @Test
  void memoryIsBoundedByTheKeyCap() {
    SignInThrottle small = new SignInThrottle(clock, 100);
    for (int i = 0; i < 5_000; i++) {
      small.admit("random-" + i, "10.0." + (i / 250) + "." + (i % 250));
      assertTrue(small.trackedKeys() <= 100);
    }
  }

  @Test
  void idleKeysAreForgottenOnceTheirFailuresLeftTheWindow() {
    for (int i = 0; i < 50; i++) {
      fail("user-" + i, "10.0.0." + i, 1);
    }
    assertEquals(100, throttle.trackedKeys());
    clock.advance(SignInThrottle.WINDOW);
    fail("admin", HOME, 1);
    assertEquals(2, throttle.trackedKeys());
  }

  @Test
  void veryLongUsernamesShareOneBoundedKey() {
    String base = "x".repeat(100);
    fail(base + "a".repeat(10_000), HOME, 3);
    fail(base + "b".repeat(10_000), "198.51.100.7", 2);
    assertTrue(throttle.admit(base + "c", "203.0.113.9").isPresent());
  }
}
