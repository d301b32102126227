package com.opstower.execution.control;

import com.opstower.cluster.SharedValues;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

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
  private final ConcurrentMap<String, Integer> pending = new ConcurrentHashMap<>();

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

  @Override
  public void admit(String tokenId, long now) {
    while (true) {
      long[] stored = records.get(tokenId);
      Record record = Record.decode(stored, now);
      long started = record.started();
      if (started >= perMinute) {
        long wait = record.oldestLeaves() - now;
        throw CallLimits.overPerMinute(perMinute, wait);
      }
      // A call that has ended may not be written back yet: it does not hold a slot any more.
      if (record.inFlight() - pendingReleases(tokenId) >= maxInFlight) {
        throw CallLimits.overInFlight(maxInFlight);
      }
      record.addInFlight(instanceId, 1);
      record.addStart(now);
      long[] next = record.encode();
      if (stored == null
          ? records.putIfAbsent(tokenId, next)
          : records.replace(tokenId, stored, next)) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void release(String tokenId, long now) {
    pending.merge(tokenId, 1, Integer::sum);
    releases.execute(
        () -> {
          try {
            update(tokenId, now, record -> record.addInFlight(instanceId, -1));
          } finally {
            pending.computeIfPresent(tokenId, (id, count) -> count <= 1 ? null : count - 1);
          }
        });
  }

  /** This instance's releases not yet written to the shared record; admission discounts them. */
  private int pendingReleases(String tokenId) {
    return pending.getOrDefault(tokenId, 0);
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
    while (true) {
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
