package com.opstower.execution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CallLimitsConcurrencyTest {

  private static final int THREADS = 16;

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  @RepeatedTest(5)
  void simultaneousCallsNeverExceedTheInFlightLimit() throws Exception {
    CallLimits limits = new CallLimits(8, 10_000, clock);
    CountDownLatch start = new CountDownLatch(1);
    Queue<CallLimits.Permit> admitted = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < THREADS * 4; i++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  admitted.add(limits.acquire("shared"));
                } catch (RateLimitedException e) {
                  refused.incrementAndGet();
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertEquals(8, admitted.size());
    assertEquals(THREADS * 4 - 8, refused.get());
  }

  @Test
  void concurrentAcquireAndReleaseKeepsTheCountExact() throws Exception {
    CallLimits limits = new CallLimits(4, Integer.MAX_VALUE, clock);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                  try (CallLimits.Permit permit = limits.acquire("shared")) {
                    maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    inFlight.decrementAndGet();
                    completed.incrementAndGet();
                  } catch (RateLimitedException e) {
                    Thread.yield();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }

    assertTrue(maxSeen.get() <= 4, "max in flight " + maxSeen.get());
    assertTrue(completed.get() > 0);
    // Every slot came back: a fresh burst gets exactly the limit again.
    for (int i = 0; i < 4; i++) {
      limits.acquire("shared");
    }
    assertEquals(
        1,
        assertThrows(RateLimitedException.class, () -> limits.acquire("shared"))
            .retryAfterSeconds());
  }

  @Test
  void concurrentCallsNeverExceedThePerMinuteLimit() throws Exception {
    CallLimits limits = new CallLimits(1_000, 120, clock);
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                  try {
                    limits.acquire("shared").close();
                    admitted.incrementAndGet();
                  } catch (RateLimitedException e) {
                    // expected once the minute is full
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertEquals(120, admitted.get());
  }
}
