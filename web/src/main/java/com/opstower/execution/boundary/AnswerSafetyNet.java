package com.opstower.execution.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The last resort for an agent call's suspended request: answers it if nothing else has long after
 * any deadline. It replaces the servlet container's asynchronous timeout, which Payara's Grizzly
 * keeps in a delay queue that forgets a finished request only at its next pass, about a second
 * later: at thousands of calls a second the finished requests' objects stayed reachable that long
 * (a class histogram at 1,000 calls in flight counted three times as many live request objects as
 * calls), outlived young collections and were promoted (bench/README.md, 2026-12-03). An armed
 * timer here leaves the queue the moment it is cancelled.
 */
@ApplicationScoped
public class AnswerSafetyNet {

  private final ScheduledThreadPoolExecutor timers;

  public AnswerSafetyNet() {
    timers =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "opstower-answer-safety-net");
              thread.setDaemon(true);
              return thread;
            });
    timers.setRemoveOnCancelPolicy(true);
  }

  /** Runs {@code expired} after {@code delay} unless the returned future is cancelled first. */
  public Future<?> arm(Duration delay, Runnable expired) {
    return timers.schedule(expired, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** How many timers are armed: one per call not yet answered. */
  int armed() {
    return timers.getQueue().size();
  }

  /**
   * Takes no new timers; those still armed keep running at their time (the executor's default for
   * delayed tasks after {@code shutdown}), so a call the application leaves behind is still
   * answered. The daemon thread ends after the last of them.
   */
  @PreDestroy
  void stop() {
    timers.shutdown();
  }
}
