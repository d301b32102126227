package com.opstower.ui.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only state of the sign-in throttle: recent failed attempts per key within a sliding window,
 * in this instance's memory. Kept behind these four operations so that a store shared by a cluster
 * can replace it; each operation is atomic, which is all {@link SignInThrottle} relies on.
 *
 * <p>Memory is bounded twice: keys without a failure in the window are forgotten (the least
 * recently used are looked at first, on every operation), and beyond {@code maxKeys} the least
 * recently used key is dropped, so a flood of made-up usernames costs at most {@code maxKeys}
 * entries of at most {@code limit} instants each. One lock: every operation is a few map steps, and
 * sign-ins are rare next to the PBKDF2 work each one costs.
 */
final class RecentFailures implements FailureStore {

  private final Duration window;
  private final int maxKeys;

  /** In access order: the first entries are the ones touched longest ago. */
  private final LinkedHashMap<String, Failures> byKey = new LinkedHashMap<>(64, 0.75f, true);

  RecentFailures(Duration window, int maxKeys) {
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /**
   * Counts one failure for {@code key} at {@code now} unless it already has {@code limit} in the
   * window.
   *
   * @return empty when counted; otherwise the instant from which the key may try again (when enough
   *     of its failures have left the window)
   */
  @Override
  public synchronized Optional<Instant> tryCount(String key, int limit, Instant now) {
    forgetIdle(now);
    Failures failures = byKey.get(key);
    if (failures == null) {
      if (byKey.size() >= maxKeys) {
        Iterator<Map.Entry<String, Failures>> eldest = byKey.entrySet().iterator();
        eldest.next();
        eldest.remove();
      }
      failures = new Failures();
      byKey.put(key, failures);
    }
    failures.dropBefore(now.minus(window));
    if (failures.times.size() >= limit) {
      return Optional.of(failures.nthOldest(failures.times.size() - limit).plus(window));
    }
    failures.times.addLast(now);
    return Optional.empty();
  }

  /** Takes back the newest failure of {@code key}: the attempt it stood for succeeded. */
  @Override
  public synchronized void uncountOne(String key) {
    Failures failures = byKey.get(key);
    if (failures != null) {
      failures.times.pollLast();
      if (failures.times.isEmpty()) {
        byKey.remove(key);
      }
    }
  }

  /** Forgets every failure of {@code key}. */
  @Override
  public synchronized void clear(String key) {
    byKey.remove(key);
  }

  /** How many keys are tracked; for tests of the memory bound. */
  @Override
  public synchronized int trackedKeys() {
    return byKey.size();
  }

  /** Stops at the first key still in use, so each call does little; the cap covers the rest. */
  private void forgetIdle(Instant now) {
    Instant cutoff = now.minus(window);
    Iterator<Failures> oldest = byKey.values().iterator();
    while (oldest.hasNext()) {
      Failures failures = oldest.next();
      if (!failures.isIdleSince(cutoff)) {
        return;
      }
      oldest.remove();
    }
  }

  /** Failure instants of one key, oldest first. */
  private static final class Failures {
    final ArrayDeque<Instant> times = new ArrayDeque<>();

    /** A failure at {@code cutoff} or before has left the window. */
    void dropBefore(Instant cutoff) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.pollFirst();
      }
    }

    boolean isIdleSince(Instant cutoff) {
      return times.isEmpty() || !times.peekLast().isAfter(cutoff);
    }

    Instant nthOldest(int n) {
      Iterator<Instant> it = times.iterator();
      for (int i = 0; i < n; i++) {
        it.next();
      }
      return it.next();
    }
  }
}
