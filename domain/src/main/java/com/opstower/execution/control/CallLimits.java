package com.opstower.execution.control;

import com.opstower.cluster.SharedValues;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
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
 * <p>With several instances the counts are shared ({@link #shared}, {@link SharedLedger}): per
 * second instead of per millisecond, and never more than the limit in any minute.
 *
 * <p>State exists only for tokens with a call in flight or in the last minute; idle tokens are
 * dropped when their last permit is closed or by a sweep at most once a minute, so memory stays
 * bounded by the number of recently active tokens.
 */
public final class CallLimits {

  static final long WINDOW_MILLIS = 60_000;

  /** Where the calls of each token are counted: this instance's memory, or shared by a cluster. */
  interface Ledger {

    /**
     * Counts one started call in flight.
     *
     * @throws RateLimitedException when the token is over either limit
     */
    void admit(String tokenId, long now);

    void release(String tokenId, long now);

    /** Drops the records of idle tokens. */
    void sweep(long now);

    /** Drops what an instance that is gone had in flight. */
    void forgetInstance(long instanceId);

    int trackedTokens();
  }

  private final Ledger ledger;
  private final Clock clock;
  private final AtomicLong lastSweep;

  /** Limits counted in this instance's memory. */
  public CallLimits(int maxInFlightPerToken, int callsPerMinutePerToken, Clock clock) {
    this(localLedger(maxInFlightPerToken, callsPerMinutePerToken), clock);
  }

  private CallLimits(Ledger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastSweep = new AtomicLong(clock.millis());
  }

  /**
   * Limits counted over every instance that shares {@code records}.
   *
   * @param releases runs the release of a finished call (off the thread that finished it)
   */
  public static CallLimits shared(
      int maxInFlightPerToken,
      int callsPerMinutePerToken,
      Clock clock,
      SharedValues records,
      long instanceId,
      Executor releases) {
    requirePositive(maxInFlightPerToken, callsPerMinutePerToken);
    return new CallLimits(
        new SharedLedger(
            records, instanceId, maxInFlightPerToken, callsPerMinutePerToken, releases),
        clock);
  }

  private static Ledger localLedger(int maxInFlightPerToken, int callsPerMinutePerToken) {
    requirePositive(maxInFlightPerToken, callsPerMinutePerToken);
    return new LocalLedger(maxInFlightPerToken, callsPerMinutePerToken);
  }

  private static void requirePositive(int maxInFlightPerToken, int callsPerMinutePerToken) {
    if (maxInFlightPerToken < 1 || callsPerMinutePerToken < 1) {
      throw new IllegalArgumentException("call limits must be at least 1");
    }
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
    ledger.admit(tokenId, now);
    return new Permit(tokenId);
  }

  /** An instance left the cluster: what it had in flight no longer counts. */
  public void forgetInstance(long instanceId) {
    ledger.forgetInstance(instanceId);
  }

  private void sweepIfDue(long now) {
    long last = lastSweep.get();
    if (now - last >= WINDOW_MILLIS && lastSweep.compareAndSet(last, now)) {
      ledger.sweep(now);
    }
  }

  /** Tokens currently holding state; for tests of the memory bound. */
  int trackedTokens() {
    return ledger.trackedTokens();
  }

  static RateLimitedException overPerMinute(int perMinute, long waitMillis) {
    long seconds = Math.min(WINDOW_MILLIS / 1000, Math.max(1, (waitMillis + 999) / 1000));
    return new RateLimitedException(
        "More than "
            + perMinute
            + (perMinute == 1 ? " call" : " calls")
            + " in the last minute for this token; retry in "
            + (seconds == 1 ? "1 second" : seconds + " seconds")
            + ".",
        seconds);
  }

  static RateLimitedException overInFlight(int maxInFlight) {
    // A slot frees whenever a running call ends, which cannot be predicted; 1 s is a fair try.
    return new RateLimitedException(
        "Too many calls in flight for this token (limit " + maxInFlight + "); retry in 1 second.",
        1);
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
        ledger.release(tokenId, clock.millis());
      }
    }
  }

  /** This instance's memory: an exact log of start times per token, changed under a key lock. */
  private static final class LocalLedger implements Ledger {

    private final int maxInFlight;
    private final int perMinute;
    private final ConcurrentMap<String, TokenUse> uses = new ConcurrentHashMap<>();

    LocalLedger(int maxInFlight, int perMinute) {
      this.maxInFlight = maxInFlight;
      this.perMinute = perMinute;
    }

    @Override
    public void admit(String tokenId, long now) {
      // compute() runs atomically per key, so admission and the idle-drop in release never race.
      uses.compute(
          tokenId,
          (id, use) -> {
            TokenUse current = use != null ? use : new TokenUse();
            current.admit(now, maxInFlight, perMinute);
            return current;
          });
    }

    @Override
    public void release(String tokenId, long now) {
      uses.computeIfPresent(
          tokenId,
          (id, use) -> {
            use.inFlight--;
            return use.isIdle(now) ? null : use;
          });
    }

    @Override
    public void sweep(long now) {
      for (String tokenId : uses.keySet()) {
        uses.computeIfPresent(tokenId, (id, use) -> use.isIdle(now) ? null : use);
      }
    }

    @Override
    public void forgetInstance(long instanceId) {
      // only this instance counts here
    }

    @Override
    public int trackedTokens() {
      return uses.size();
    }
  }

  /** The calls of one token; only touched inside the map's per-key compute. */
  private static final class TokenUse {

    private final ArrayDeque<Long> started = new ArrayDeque<>();
    private int inFlight;

    void admit(long now, int maxInFlight, int perMinute) {
      forgetBefore(now);
      if (started.size() >= perMinute) {
        throw overPerMinute(perMinute, started.peekFirst() + WINDOW_MILLIS - now);
      }
      if (inFlight >= maxInFlight) {
        throw overInFlight(maxInFlight);
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
  }
}
