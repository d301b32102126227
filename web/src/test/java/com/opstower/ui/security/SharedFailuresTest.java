package com.opstower.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.cluster.InMemoryValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two instances' throttles on one shared store that copies values and compares their content. */
class SharedFailuresTest {

  private final InMemoryValues store = new InMemoryValues();
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final SignInThrottle a =
      new SignInThrottle(clock, new SharedFailures(store, SignInThrottle.WINDOW));
  private final SignInThrottle b =
      new SignInThrottle(clock, new SharedFailures(store, SignInThrottle.WINDOW));

  @Test
  void fiveFailuresForOneUsernameOverBothInstancesRefuseTheSixthOnEither() {
    for (int i = 0; i < 5; i++) {
      SignInThrottle instance = i % 2 == 0 ? a : b;
      assertTrue(instance.admit("Admin", "10.0.0." + i).isEmpty(), "attempt " + (i + 1));
    }
    SignInThrottle.Refusal refused = b.admit(" admin ", "10.0.0.9").orElseThrow();
    assertEquals(SignInThrottle.Refusal.Reason.USERNAME, refused.reason());
    assertEquals(clock.instant().plus(SignInThrottle.WINDOW), refused.retryAt());
    assertTrue(a.admit("admin", "10.0.0.9").isPresent(), "and on the other instance");
  }

  @Test
  void aSuccessOnOneInstanceClearsTheUsernameForBoth() {
    for (int i = 0; i < 4; i++) {
      assertTrue(a.admit("admin", "10.0.0.1").isEmpty());
    }
    assertTrue(b.admit("admin", "10.0.0.2").isEmpty());
    b.succeeded("admin", "10.0.0.2");
    for (int i = 0; i < 5; i++) {
      assertTrue(a.admit("admin", "10.0.0.3").isEmpty(), "counted afresh: " + i);
    }
  }

  @Test
  void twentyFromOneAddressOverBothInstancesRefuseTheNextWhateverTheUsername() {
    for (int i = 0; i < 20; i++) {
      assertTrue((i % 2 == 0 ? a : b).admit("user" + i, "192.0.2.7").isEmpty());
    }
    assertEquals(
        SignInThrottle.Refusal.Reason.ADDRESS,
        a.admit("someone-else", "192.0.2.7").orElseThrow().reason());
  }

  @Test
  void failuresLeaveTheWindowAndIdleKeysAreSweptAway() {
    for (int i = 0; i < 5; i++) {
      a.admit("admin", "10.0.0.1");
    }
    assertTrue(a.admit("admin", "10.0.0.1").isPresent());
    clock.advance(SignInThrottle.WINDOW.plus(Duration.ofSeconds(1)));
    assertTrue(b.admit("admin", "10.0.0.1").isEmpty(), "the window has passed");
    clock.advance(SignInThrottle.WINDOW.plus(Duration.ofMinutes(2)));
    a.admit("other", "10.0.0.2"); // the first operation after a minute sweeps
    assertEquals(Set.of("user:other", "address:10.0.0.2"), store.keys());
  }
}
