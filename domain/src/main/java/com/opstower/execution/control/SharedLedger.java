package com.opstower.execution.control;

import com.opstower.cluster.SharedValues;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-token limits of {@link CallLimits} when several instances serve as one: each token's
 * record lives in a {@link SharedValues} map and is changed by compare-and-set, so the calls of all
 * instances are counted together.
 *
 * <p>A record is {@code long[]}: the number of instances with calls in flight, then for each its id
 * and count, then the admitted starts as (second, count) pairs, oldest first. Calls are counted per
 * second, and a call leaves the minute at the end of its second plus 60 s: never earlier than the
 * exact window, so no more than the limit is admitted in any 60 s; {@code Retry-After} is at most a
 * second late. In-flight counts are kept per instance so that the count of an instance that died
 * can be dropped ({@link #forgetInstance}).
 */
final class SharedLedger implements CallLimits.Ledger {

  private final SharedValues records;
  private final long instanceId;
  private final int maxInFlight;
  private final int perMinute;
  private final Executor releases;
  private final ConcurrentMap<String, AtomicInteger> local = new ConcurrentHashMap<>();

  /**
   * @param releases where a finished call's release runs: the shared map is a network call, and a
   *     call finishes on the outbound client's I/O thread, which must not wait for it
   */
  SharedLedger(
      SharedValues records, long instanceId, int maxInFlight, int perMinute, Executor releases) {
    this.releases = releases;
    this.records = records;
    this.instanceId = instanceId;
    this.maxInFlight = maxInFlight;
    this.perMinute = perMinute;
  }

  /**
   * How long a change keeps being retried while the shared map fails (an instance left and its
   * partitions move): long enough for the cluster to settle, short of the agent's deadline.
   */
  static final long RETRY_MILLIS = 10_000;

  @Override
  public void admit(String tokenId, long now) {
    long giveUp = System.currentTimeMillis() + RETRY_MILLIS;
    local.computeIfAbsent(tokenId, id -> new AtomicInteger()).incrementAndGet();
    boolean admitted = false;
    try {
      while (true) {
        try {
          if (tryAdmit(tokenId, now)) {
            admitted = true;
            return;
          }
        } catch (RateLimitedException refused) {
          throw refused;
        } catch (RuntimeException settling) {
          pauseOrGiveUp(giveUp, settling);
        }
        Thread.onSpinWait();
      }
    } finally {
      if (!admitted) {
        unreserve(tokenId);
      }
    }
  }

  /** One compare-and-set attempt; false when another change came first. */
  private boolean tryAdmit(String tokenId, long now) {
    {
      long[] stored = records.get(tokenId);
      Record record = Record.decode(stored, now);
      long started = record.started();
      if (started >= perMinute) {
        long wait = record.oldestLeaves() - now;
        throw CallLimits.overPerMinute(perMinute, wait);
      }
      // This instance's share is its own count, not the record's copy of it, which may lag.
      if (record.inFlightOfOthers(instanceId) + reserved(tokenId) > maxInFlight) {
        throw CallLimits.overInFlight(maxInFlight);
      }
      record.setInFlight(instanceId, reserved(tokenId));
      record.addStart(now);
      long[] next = record.encode();
      return stored == null
          ? records.putIfAbsent(tokenId, next)
          : records.replace(tokenId, stored, next);
    }
  }

  /**
   * A failing shared map (an instance just left, its partitions moving) is tried again shortly;
   * after {@link #RETRY_MILLIS} the failure is passed on. A write-back that gave up at once would
   * leave a slot counted for good, which is why releases retry rather than drop.
   */
  private static void pauseOrGiveUp(long giveUp, RuntimeException failure) {
    if (System.currentTimeMillis() > giveUp) {
      throw failure;
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  @Override
  public void release(String tokenId, long now) {
    unreserve(tokenId);
    // The record gets this instance's count as it is then, not "one less": written twice (the
    // cluster may repeat an operation when an instance leaves), it is still right.
    releases.execute(
        () -> update(tokenId, now, record -> record.setInFlight(instanceId, reserved(tokenId))));
  }

  /** Calls of this token admitted here and not finished (the truth of this instance's share). */
  private int reserved(String tokenId) {
    AtomicInteger count = local.get(tokenId);
    return count == null ? 0 : count.get();
  }

  private void unreserve(String tokenId) {
    local.computeIfPresent(tokenId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  @Override
  public void sweep(long now) {
    for (String tokenId : records.keys()) {
      update(tokenId, now, record -> {});
    }
  }

  @Override
  public void forgetInstance(long goneInstanceId) {
    for (String tokenId : records.keys()) {
      update(tokenId, System.currentTimeMillis(), record -> record.dropInstance(goneInstanceId));
    }
  }

  @Override
  public int trackedTokens() {
    return records.keys().size();
  }

  private void update(String tokenId, long now, java.util.function.Consumer<Record> change) {
    long giveUp = System.currentTimeMillis() + RETRY_MILLIS;
    while (true) {
      try {
        long[] stored = records.get(tokenId);
        if (stored == null) {
          return;
        }
        Record record = Record.decode(stored, now);
        change.accept(record);
        boolean done =
            record.isIdle()
                ? records.remove(tokenId, stored)
                : records.replace(tokenId, stored, record.encode());
        if (done) {
          return;
        }
      } catch (RuntimeException settling) {
        pauseOrGiveUp(giveUp, settling);
      }
      Thread.onSpinWait();
    }
  }

  /** One token's record, decoded; expired seconds are already dropped. */
  static final class Record {

    /** How far the clocks of instances may differ before a record is taken as from the future. */
    static final long MAX_SKEW_SECONDS = 5;

    private long[] instances = new long[0];
    private long[] inFlight = new long[0];
    private long[] seconds = new long[0];
    private long[] starts = new long[0];

    static Record decode(long[] stored, long now) {
      Record record = new Record();
      if (stored == null || stored.length == 0) {
        return record;
      }
      int pairs = (int) stored[0];
      record.instances = new long[pairs];
      record.inFlight = new long[pairs];
      for (int i = 0; i < pairs; i++) {
        record.instances[i] = stored[1 + 2 * i];
        record.inFlight[i] = stored[2 + 2 * i];
      }
      int from = 1 + 2 * pairs;
      int buckets = (stored.length - from) / 2;
      long nowSecond = Math.floorDiv(now, 1000);
      long[] keptSeconds = new long[buckets];
      long[] keptStarts = new long[buckets];
      int kept = 0;
      for (int i = 0; i < buckets; i++) {
        long second = stored[from + 2 * i];
        if (second > nowSecond + MAX_SKEW_SECONDS) {
          // The clock went back (further than instances' clocks may differ): the recorded times
          // mean nothing now. Forgive rather than guess.
          kept = 0;
          break;
        }
        if (leaves(second) > now) {
          keptSeconds[kept] = second;
          keptStarts[kept] = stored[from + 2 * i + 1];
          kept++;
        }
      }
      record.seconds = Arrays.copyOf(keptSeconds, kept);
      record.starts = Arrays.copyOf(keptStarts, kept);
      return record;
    }

    /** When the calls started in {@code second} leave the minute. */
    static long leaves(long second) {
      return (second + 1) * 1000 + CallLimits.WINDOW_MILLIS;
    }

    long started() {
      return Arrays.stream(starts).sum();
    }

    long inFlight() {
      return Arrays.stream(inFlight).sum();
    }

    long oldestLeaves() {
      return leaves(seconds[0]);
    }

    long inFlightOfOthers(long instance) {
      long sum = 0;
      for (int i = 0; i < instances.length; i++) {
        if (instances[i] != instance) {
          sum += inFlight[i];
        }
      }
      return sum;
    }

    /** Sets an instance's count; 0 drops its pair. */
    void setInFlight(long instance, int count) {
      for (int i = 0; i < instances.length; i++) {
        if (instances[i] == instance) {
          inFlight[i] = count;
          if (count <= 0) {
            dropAt(i);
          }
          return;
        }
      }
      if (count > 0) {
        addInFlight(instance, count);
      }
    }

    void addInFlight(long instance, int delta) {
      for (int i = 0; i < instances.length; i++) {
        if (instances[i] == instance) {
          inFlight[i] = Math.max(0, inFlight[i] + delta);
          if (inFlight[i] == 0) {
            dropAt(i);
          }
          return;
        }
      }
      if (delta > 0) {
        instances = Arrays.copyOf(instances, instances.length + 1);
        inFlight = Arrays.copyOf(inFlight, inFlight.length + 1);
        instances[instances.length - 1] = instance;
        inFlight[inFlight.length - 1] = delta;
      }
    }

    void dropInstance(long instance) {
      for (int i = 0; i < instances.length; i++) {
        if (instances[i] == instance) {
          dropAt(i);
          return;
        }
      }
    }

    private void dropAt(int index) {
      int last = instances.length - 1;
      instances[index] = instances[last];
      inFlight[index] = inFlight[last];
      instances = Arrays.copyOf(instances, last);
      inFlight = Arrays.copyOf(inFlight, last);
    }

    void addStart(long now) {
      long second = Math.floorDiv(now, 1000);
      int last = seconds.length - 1;
      if (last >= 0 && seconds[last] >= second) {
        // the same second, or another instance whose clock is a little ahead: count it there
        starts[last]++;
        return;
      }
      seconds = Arrays.copyOf(seconds, seconds.length + 1);
      starts = Arrays.copyOf(starts, starts.length + 1);
      seconds[seconds.length - 1] = second;
      starts[starts.length - 1] = 1;
    }

    boolean isIdle() {
      return instances.length == 0 && seconds.length == 0;
    }

    long[] encode() {
      long[] encoded = new long[1 + 2 * instances.length + 2 * seconds.length];
      encoded[0] = instances.length;
      for (int i = 0; i < instances.length; i++) {
        encoded[1 + 2 * i] = instances[i];
        encoded[2 + 2 * i] = inFlight[i];
      }
      int from = 1 + 2 * instances.length;
      for (int i = 0; i < seconds.length; i++) {
        encoded[from + 2 * i] = seconds[i];
        encoded[from + 2 * i + 1] = starts[i];
      }
      return encoded;
    }
  }
}
