package com.opstower.ui.security;

import com.opstower.cluster.SharedValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recent sign-in failures in the cluster's shared map, so that the limits hold over all instances
 * together: per key, the failure times (epoch milliseconds, oldest first, at most the limit),
 * changed by compare-and-set. Keys whose failures have all left the window are removed by a sweep
 * at most once a minute per instance; the address limit bounds how many keys one client can add.
 */
final class SharedFailures implements FailureStore {

  private static final long SWEEP_EVERY_MILLIS = 60_000;

  private final SharedValues failures;
  private final Duration window;
  private final AtomicLong lastSweep = new AtomicLong();

  SharedFailures(SharedValues failures, Duration window) {
    this.failures = failures;
    this.window = window;
  }

  @Override
  public Optional<Instant> tryCount(String key, int limit, Instant now) {
    sweepIfDue(now);
    long cutoff = now.minus(window).toEpochMilli();
    while (true) {
      long[] stored = failures.get(key);
      long[] recent = recent(stored, cutoff);
      if (recent.length >= limit) {
        return Optional.of(Instant.ofEpochMilli(recent[recent.length - limit]).plus(window));
      }
      long[] next = Arrays.copyOf(recent, recent.length + 1);
      next[recent.length] = now.toEpochMilli();
      if (stored == null ? failures.putIfAbsent(key, next) : failures.replace(key, stored, next)) {
        return Optional.empty();
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void uncountOne(String key) {
    while (true) {
      long[] stored = failures.get(key);
      if (stored == null) {
        return;
      }
      boolean done =
          stored.length <= 1
              ? failures.remove(key, stored)
              : failures.replace(key, stored, Arrays.copyOf(stored, stored.length - 1));
      if (done) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void clear(String key) {
    while (true) {
      long[] stored = failures.get(key);
      if (stored == null || failures.remove(key, stored)) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public int trackedKeys() {
    return failures.keys().size();
  }

  /** The failures after {@code cutoff}; a failure at the cutoff has left the window. */
  private static long[] recent(long[] stored, long cutoff) {
    if (stored == null) {
      return new long[0];
    }
    int from = 0;
    while (from < stored.length && stored[from] <= cutoff) {
      from++;
    }
    return Arrays.copyOfRange(stored, from, stored.length);
  }

  private void sweepIfDue(Instant now) {
    long last = lastSweep.get();
    long millis = now.toEpochMilli();
    if (millis - last < SWEEP_EVERY_MILLIS || !lastSweep.compareAndSet(last, millis)) {
      return;
    }
    long cutoff = now.minus(window).toEpochMilli();
    for (String key : failures.keys()) {
      long[] stored = failures.get(key);
      if (stored != null && recent(stored, cutoff).length == 0) {
        failures.remove(key, stored);
      }
    }
  }
}
