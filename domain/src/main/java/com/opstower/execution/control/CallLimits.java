package com.opstower.execution.control;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-token limits of the agent API (docs/security.md §8): how many calls one token may have in
 * flight, and how many it may start per minute. They keep one agent flooding slow upstreams from
 * holding every worker thread.
 *
 * <p>The minute is a sliding window over the start times of admitted calls (a log of at most {@code
 * callsPerMinutePerToken} entries per token), so it is exact: no burst of twice the limit across a
 * minute boundary, and {@code Retry-After} is precisely when the oldest call leaves the window.
 * Refused calls are not counted, so a client that keeps retrying cannot lock itself out.
 *
 * <p>State exists only for tokens with a call in flight or in the last minute; idle tokens are
 * dropped when their last permit is closed or by a sweep at most once a minute, so memory stays
 * bounded by the number of recently active tokens.
 */
public final class CallLimits {

  static final long WINDOW_MILLIS = 60_000;

  private final int maxInFlight;
  private final int perMinute;
  private final Clock clock;
  private final ConcurrentMap<String, TokenUse> uses = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep;

  public CallLimits(int maxInFlightPerToken, int callsPerMinutePerToken, Clock clock) {
    if (maxInFlightPerToken < 1 || callsPerMinutePerToken < 1) {
      throw new IllegalArgumentException("call limits must be at least 1");
    }
    this.maxInFlight = maxInFlightPerToken;
    this.perMinute = callsPerMinutePerToken;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastSweep = new AtomicLong(clock.millis());
  }

  /**
   * Admits one call for {@code tokenId}; close the permit when the call has finished.
   *
   * @throws RateLimitedException when the token is over either limit
   */
  public Permit acquire(String tokenId) {
    Objects.requireNonNull(tokenId, "tokenId");
    long now = clock.millis();
    sweepIfDue(now);
    // compute() runs atomically per key, so admission and the idle-drop in release never race.
    uses.compute(
        tokenId,
        (id, use) -> {
          TokenUse current = use != null ? use : new TokenUse();
          current.admit(now, maxInFlight, perMinute);
          return current;
        });
    return new Permit(tokenId);
  }

  private void release(String tokenId) {
    long now = clock.millis();
    uses.computeIfPresent(
        tokenId,
        (id, use) -> {
          use.inFlight--;
          return use.isIdle(now) ? null : use;
        });
  }

  private void sweepIfDue(long now) {
    long last = lastSweep.get();
    if (now - last >= WINDOW_MILLIS && lastSweep.compareAndSet(last, now)) {
      for (String tokenId : uses.keySet()) {
        uses.computeIfPresent(tokenId, (id, use) -> use.isIdle(now) ? null : use);
      }
    }
  }

  /** Tokens currently holding state; for tests of the memory bound. */
  int trackedTokens() {
    return uses.size();
  }

  /** One admitted call. Closing it frees its in-flight slot; closing again does nothing. */
  public final class Permit implements AutoCloseable {

    private final String tokenId;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Permit(String tokenId) {
      this.tokenId = tokenId;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        release(tokenId);
      }
    }
  }

  /** The calls of one token; only touched inside the map's per-key compute. */
  private static final class TokenUse {

    private final ArrayDeque<Long> started = new ArrayDeque<>();
    private int inFlight;

    void admit(long now, int maxInFlight, int perMinute) {
      forgetBefore(now);
      if (started.size() >= perMinute) {
        long wait = started.peekFirst() + WINDOW_MILLIS - now;
        long seconds = Math.min(WINDOW_MILLIS / 1000, Math.max(1, (wait + 999) / 1000));
        throw new RateLimitedException(
            "More than "
                + perMinute
                + (perMinute == 1 ? " call" : " calls")
                + " in the last minute for this token; retry in "
                + secondsText(seconds)
                + ".",
            seconds);
      }
      if (inFlight >= maxInFlight) {
        // A slot frees whenever a running call ends, which cannot be predicted; 1 s is a fair try.
        throw new RateLimitedException(
            "Too many calls in flight for this token (limit "
                + maxInFlight
                + "); retry in 1 second.",
            1);
      }
      inFlight++;
      started.addLast(now);
    }

    boolean isIdle(long now) {
      forgetBefore(now);
      return inFlight <= 0 && started.isEmpty();
    }

    private void forgetBefore(long now) {
      if (!started.isEmpty() && started.peekLast() > now) {
        // The clock went back: the recorded times mean nothing now, and keeping them could lock
        // the token out for as long as the jump. Forgive rather than guess.
        started.clear();
      }
      while (!started.isEmpty() && started.peekFirst() <= now - WINDOW_MILLIS) {
        started.removeFirst();
      }
    }

    private static String secondsText(long seconds) {
      return seconds == 1 ? "1 second" : seconds + " seconds";
    }
  }
}
