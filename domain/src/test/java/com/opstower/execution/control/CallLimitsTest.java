package com.opstower.execution.control;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLimitsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));

  private static List<CallLimits.Permit> acquireAll(CallLimits limits, String token, int count) {
    List<CallLimits.Permit> permits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      permits.add(limits.acquire(token));
    }
    return permits;
  }

  private static RateLimitedException refused(CallLimits limits, String token) {
    return assertThrows(RateLimitedException.class, () -> limits.acquire(token));
  }

  @Test
  void admitsUpToTheInFlightLimitThenRefuses() {
    CallLimits limits = new CallLimits(8, 120, clock);
    acquireAll(limits, "t1", 8);

    RateLimitedException refused = refused(limits, "t1");

    assertEquals(ProblemCode.RATE_LIMITED, refused.code());
    assertEquals(1, refused.retryAfterSeconds());
    assertEquals(
        "Too many calls in flight for this token (limit 8); retry in 1 second.", refused.detail());
  }

  @Test
  void refusalIsAProblemWithTheRateLimitedCode() {
    CallLimits limits = new CallLimits(1, 120, clock);
    limits.acquire("t1");

    assertProblem(ProblemCode.RATE_LIMITED, () -> limits.acquire("t1"));
  }

  @Test
  void closingAPermitFreesItsSlot() {
    CallLimits limits = new CallLimits(2, 120, clock);
    List<CallLimits.Permit> permits = acquireAll(limits, "t1", 2);
    refused(limits, "t1");

    permits.get(0).close();

    assertDoesNotThrow(() -> limits.acquire("t1"));
    refused(limits, "t1");
  }

  @Test
  void closingTwiceFreesOnlyOneSlot() {
    CallLimits limits = new CallLimits(2, 120, clock);
    List<CallLimits.Permit> permits = acquireAll(limits, "t1", 2);

    permits.get(0).close();
    permits.get(0).close();
    permits.get(0).close();

    limits.acquire("t1");
    refused(limits, "t1");
  }

  @Test
  void tryWithResourcesReleasesTheSlot() {
    CallLimits limits = new CallLimits(1, 120, clock);
    for (int i = 0; i < 5; i++) {
      try (CallLimits.Permit permit = limits.acquire("t1")) {
        refused(limits, "t1");
      }
    }
  }

  @Test
  void tokensAreLimitedSeparately() {
    CallLimits limits = new CallLimits(1, 1, clock);
    limits.acquire("t1");

    assertDoesNotThrow(() -> limits.acquire("t2"));
    refused(limits, "t1");
  }

  @Test
  void refusesTheCallAfterThePerMinuteLimitWithTheFullWait() {
    CallLimits limits = new CallLimits(8, 120, clock);
    for (int i = 0; i < 120; i++) {
      limits.acquire("t1").close();
    }

    RateLimitedException refused = refused(limits, "t1");

    assertEquals(60, refused.retryAfterSeconds());
    assertEquals(
        "More than 120 calls in the last minute for this token; retry in 60 seconds.",
        refused.detail());
  }

  @Test
  void retryAfterCountsDownToWhenTheOldestCallLeavesTheWindow() {
    CallLimits limits = new CallLimits(8, 3, clock);
    limits.acquire("t1").close();
    clock.advance(Duration.ofSeconds(10));
    limits.acquire("t1").close();
    limits.acquire("t1").close();

    assertEquals(50, refused(limits, "t1").retryAfterSeconds());
    clock.advance(Duration.ofMillis(49_500));
    assertEquals(1, refused(limits, "t1").retryAfterSeconds());
    clock.advance(Duration.ofMillis(500));
    assertDoesNotThrow(() -> limits.acquire("t1").close());
    assertEquals(10, refused(limits, "t1").retryAfterSeconds());
  }

  @Test
  void retryAfterRoundsPartSecondsUp() {
    CallLimits limits = new CallLimits(8, 1, clock);
    limits.acquire("t1").close();
    clock.advance(Duration.ofMillis(58_001));

    RateLimitedException refused = refused(limits, "t1");

    assertEquals(2, refused.retryAfterSeconds());
    assertTrue(refused.detail().endsWith("retry in 2 seconds."), refused.detail());
  }

  @Test
  void oneSecondIsWrittenInTheSingular() {
    CallLimits limits = new CallLimits(8, 1, clock);
    limits.acquire("t1").close();
    clock.advance(Duration.ofMillis(59_500));

    assertEquals(
        "More than 1 call in the last minute for this token; retry in 1 second.",
        refused(limits, "t1").detail());
  }

  @Test
  void theWindowSlidesInsteadOfResettingOnTheMinute() {
    CallLimits limits = new CallLimits(100, 4, clock);
    clock.advance(Duration.ofSeconds(50));
    acquireAll(limits, "t1", 4).forEach(CallLimits.Permit::close);
    clock.advance(Duration.ofSeconds(15)); // a fixed window would have reset at 10:01:00

    assertEquals(45, refused(limits, "t1").retryAfterSeconds());
  }

  @Test
  void refusedCallsDoNotCountTowardsTheWindow() {
    CallLimits limits = new CallLimits(8, 2, clock);
    limits.acquire("t1").close();
    limits.acquire("t1").close();
    for (int i = 0; i < 50; i++) {
      refused(limits, "t1");
    }
    clock.advance(Duration.ofSeconds(60));

    assertDoesNotThrow(() -> limits.acquire("t1"));
    assertDoesNotThrow(() -> limits.acquire("t1"));
  }

  @Test
  void callsInFlightCountTowardsTheMinuteToo() {
    CallLimits limits = new CallLimits(8, 3, clock);
    acquireAll(limits, "t1", 3);

    RateLimitedException refused = refused(limits, "t1");

    assertTrue(refused.detail().startsWith("More than 3 calls"), refused.detail());
  }

  @Test
  void perMinuteLimitWinsWhenBothAreExceededBecauseItsWaitIsLonger() {
    CallLimits limits = new CallLimits(2, 2, clock);
    acquireAll(limits, "t1", 2);

    assertEquals(60, refused(limits, "t1").retryAfterSeconds());
  }

  @Test
  void aClockThatGoesBackDoesNotLockTheTokenOut() {
    MutableClock jumping = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    CallLimits limits = new CallLimits(8, 1, jumping);
    limits.acquire("t1").close();
    jumping.advance(Duration.ofHours(-1));

    assertDoesNotThrow(() -> limits.acquire("t1").close());
  }

  @Test
  void idleTokenIsDroppedWhenItsLastCallLeavesTheWindow() {
    CallLimits limits = new CallLimits(8, 120, clock);
    for (int i = 0; i < 100; i++) {
      limits.acquire("token-" + i).close();
    }
    assertEquals(100, limits.trackedTokens());

    clock.advance(Duration.ofSeconds(61));
    limits.acquire("other").close();

    assertEquals(1, limits.trackedTokens());
  }

  @Test
  void tokenWithACallInFlightIsNeverDropped() {
    CallLimits limits = new CallLimits(1, 120, clock);
    CallLimits.Permit running = limits.acquire("slow");
    clock.advance(Duration.ofMinutes(5));
    limits.acquire("other").close();

    refused(limits, "slow");
    running.close();
    clock.advance(Duration.ofSeconds(1));
    assertDoesNotThrow(() -> limits.acquire("slow"));
  }

  @Test
  void rejectsLimitsBelowOne() {
    Clock c = clock;
    assertThrows(IllegalArgumentException.class, () -> new CallLimits(0, 120, c));
    assertThrows(IllegalArgumentException.class, () -> new CallLimits(8, 0, c));
    assertThrows(IllegalArgumentException.class, () -> new CallLimits(-1, -1, c));
  }

  @Test
  void retryAfterIsNeverBelowOneSecond() {
    assertEquals(1, new RateLimitedException("x", 0).retryAfterSeconds());
    assertEquals(1, new RateLimitedException("x", -5).retryAfterSeconds());
  }
}
