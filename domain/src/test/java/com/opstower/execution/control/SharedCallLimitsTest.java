package com.opstower.execution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.cluster.InMemoryValues;
import com.opstower.cluster.SharedValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link CallLimits#shared}: two "instances" (two CallLimits with their own ids) on one store that
 * behaves as Hazelcast's map does — values are copied in and out and compared by content.
 */
class SharedCallLimitsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.250Z"));
  private final InMemoryValues store = new InMemoryValues();

  private CallLimits instance(long id, int inFlight, int perMinute) {
    return CallLimits.shared(inFlight, perMinute, clock, store, id, Runnable::run);
  }

  @Test
  void theInFlightLimitCountsTheCallsOfBothInstances() {
    CallLimits a = instance(1, 3, 100);
    CallLimits b = instance(2, 3, 100);
    a.acquire("t");
    b.acquire("t");
    CallLimits.Permit third = a.acquire("t");
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> b.acquire("t"));
    assertTrue(refused.getMessage().contains("in flight"), refused.getMessage());
    third.close();
    b.acquire("t");
  }

  @Test
  void thePerMinuteLimitCountsBothAndNeverAdmitsMoreInAnyMinute() {
    CallLimits a = instance(1, 100, 4);
    CallLimits b = instance(2, 100, 4);
    a.acquire("t").close();
    clock.advance(java.time.Duration.ofMillis(400)); // 10:00:00.650, same second
    b.acquire("t").close();
    clock.advance(java.time.Duration.ofSeconds(30));
    a.acquire("t").close();
    b.acquire("t").close();
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> a.acquire("t"));
    // the first two started in second 10:00:00 and leave at 10:01:01.000; now is 10:00:30.650
    assertEquals(31, refused.retryAfterSeconds());
    clock.advance(java.time.Duration.ofMillis(30_349)); // 10:01:00.999: still inside
    assertThrows(RateLimitedException.class, () -> b.acquire("t"));
    clock.advance(java.time.Duration.ofMillis(1)); // 10:01:01.000
    b.acquire("t");
    a.acquire("t");
    assertThrows(RateLimitedException.class, () -> a.acquire("t"));
  }

  @Test
  void aCallThatEndedButIsNotWrittenBackYetDoesNotHoldItsSlot() {
    java.util.List<Runnable> queued = new java.util.ArrayList<>();
    CallLimits a = CallLimits.shared(1, 100, clock, store, 1, queued::add);
    a.acquire("t").close(); // its write-back waits in the queue
    CallLimits.Permit next = a.acquire("t");
    assertThrows(RateLimitedException.class, () -> a.acquire("t"), "one in flight again");
    queued.forEach(Runnable::run);
    next.close();
    queued.get(queued.size() - 1).run();
    a.acquire("t");
  }

  @Test
  void aSharedMapFailingWhileTheClusterSettlesIsTriedAgainSoNoSlotLeaks() {
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger(6);
    SharedValues flaky =
        new SharedValues() {
          private void maybeFail() {
            if (failures.getAndDecrement() > 0) {
              throw new IllegalStateException("member left");
            }
          }

          @Override
          public long[] get(String key) {
            return store.get(key);
          }

          @Override
          public boolean putIfAbsent(String key, long[] value) {
            maybeFail();
            return store.putIfAbsent(key, value);
          }

          @Override
          public boolean replace(String key, long[] expected, long[] value) {
            maybeFail();
            return store.replace(key, expected, value);
          }

          @Override
          public boolean remove(String key, long[] expected) {
            maybeFail();
            return store.remove(key, expected);
          }

          @Override
          public Set<String> keys() {
            return store.keys();
          }
        };
    CallLimits a = CallLimits.shared(1, 100, clock, flaky, 1, Runnable::run);
    a.acquire("t").close(); // admitted and released despite the failures
    a.acquire("t").close();
    long[] record = store.get("t");
    assertTrue(
        record == null || record[0] == 0, "no slot left counted: " + Arrays.toString(record));
  }

  @Test
  void aChangeAppliedButReportedAsFailedCountsTheCallOnce() {
    // the cluster may run an operation and lose its answer when an instance leaves; the caller
    // then tries again on what is stored
    java.util.concurrent.atomic.AtomicBoolean loseAnswer =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    SharedValues losing =
        new SharedValues() {
          @Override
          public long[] get(String key) {
            return store.get(key);
          }

          @Override
          public boolean putIfAbsent(String key, long[] value) {
            boolean stored = store.putIfAbsent(key, value);
            return stored && !loseAnswer.getAndSet(false);
          }

          @Override
          public boolean replace(String key, long[] expected, long[] value) {
            return store.replace(key, expected, value);
          }

          @Override
          public boolean remove(String key, long[] expected) {
            return store.remove(key, expected);
          }

          @Override
          public Set<String> keys() {
            return store.keys();
          }
        };
    CallLimits a = CallLimits.shared(2, 100, clock, losing, 1, Runnable::run);
    CallLimits.Permit first = a.acquire("t");
    a.acquire("t").close();
    first.close();
    long[] record = store.get("t");
    assertTrue(
        record == null || record[0] == 0, "nothing left in flight: " + Arrays.toString(record));
    a.acquire("t");
    a.acquire("t"); // both slots free again
  }

  @Test
  void whatAGoneInstanceHadInFlightIsForgotten() {
    CallLimits a = instance(1, 2, 100);
    CallLimits b = instance(2, 2, 100);
    b.acquire("t");
    b.acquire("t"); // b dies with both in flight
    assertThrows(RateLimitedException.class, () -> a.acquire("t"));
    a.forgetInstance(2);
    a.acquire("t");
    a.acquire("t");
  }

  @Test
  void idleTokensLeaveTheStoreOnceTheirMinuteIsOver() {
    CallLimits a = instance(1, 2, 100);
    a.acquire("t").close();
    assertEquals(1, store.keys().size(), "its start still counts for a minute");
    clock.advance(java.time.Duration.ofSeconds(61));
    a.acquire("other").close(); // a sweep is due
    assertEquals(Set.of("other"), store.keys());
  }

  @Test
  void aClockThatGoesFarBackDoesNotLockTheTokenOut() {
    CallLimits a = instance(1, 10, 2);
    a.acquire("t").close();
    a.acquire("t").close();
    assertThrows(RateLimitedException.class, () -> a.acquire("t"));
    clock.advance(java.time.Duration.ofSeconds(-600));
    a.acquire("t").close();
  }

  @Test
  void concurrentCallsOnTwoInstancesNeverExceedTheInFlightLimit() throws Exception {
    CallLimits a = instance(1, 5, Integer.MAX_VALUE);
    CallLimits b = instance(2, 5, Integer.MAX_VALUE);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      CallLimits limits = t % 2 == 0 ? a : b;
      done.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < 300; i++) {
                  try (CallLimits.Permit permit = limits.acquire("t")) {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    admitted.incrementAndGet();
                    running.decrementAndGet();
                  } catch (RateLimitedException refused) {
                    Thread.onSpinWait();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (var future : done) {
      future.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    assertTrue(most.get() <= 5, "at most 5 at once, saw " + most.get());
    assertTrue(admitted.get() > 0);
    long[] record = store.get("t");
    assertTrue(record == null || record[0] == 0, "all released: " + Arrays.toString(record));
  }
}
