package com.opstower.execution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswerSafetyNetTest {

  private final AnswerSafetyNet net = new AnswerSafetyNet();

  @AfterEach
  void stop() {
    net.stop();
  }

  @Test
  void aTimerNobodyCancelsFires() throws InterruptedException {
    CountDownLatch fired = new CountDownLatch(1);
    net.arm(Duration.ofMillis(20), fired::countDown);
    assertTrue(fired.await(5, TimeUnit.SECONDS));
  }

  @Test
  void aCancelledTimerLeavesTheQueueAtOnce() {
    AtomicInteger fired = new AtomicInteger();
    Future<?>[] timers = new Future<?>[1000];
    for (int i = 0; i < timers.length; i++) {
      timers[i] = net.arm(Duration.ofMinutes(1), fired::incrementAndGet);
    }
    assertEquals(1000, net.armed());
    for (Future<?> timer : timers) {
      timer.cancel(false);
    }
    // nothing of an answered call stays reachable from the queue until the timer's due time
    assertEquals(0, net.armed());
    assertTrue(timers[0].isCancelled());
    assertEquals(0, fired.get());
  }

  @Test
  void aTimerArmedBeforeTheStopStillFiresAndNoNewOneIsTaken() throws InterruptedException {
    CountDownLatch fired = new CountDownLatch(1);
    AtomicInteger cancelledFired = new AtomicInteger();
    net.arm(Duration.ofMillis(200), fired::countDown);
    net.arm(Duration.ofMillis(200), cancelledFired::incrementAndGet).cancel(false);
    net.stop();
    assertThrows(RejectedExecutionException.class, () -> net.arm(Duration.ofMillis(1), () -> {}));
    assertTrue(fired.await(5, TimeUnit.SECONDS));
    assertEquals(0, cancelledFired.get());
  }
}
