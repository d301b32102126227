package com.opstower.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latencies of one measured phase. Percentiles use the nearest-rank method: the p-th percentile
 * is the smallest sample that at least p % of the samples do not exceed, so every figure is a
 * latency that was really observed.
 */
final class Latencies {

  private final long[] sortedNanos;
  private final long[] inRequestOrder;
  private final long wallNanos;

  /**
   * @param nanos one latency per request, in nanoseconds (copied)
   * @param wallNanos the time from the first request's start to the last one's end
   */
  Latencies(long[] nanos, long wallNanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.inRequestOrder = nanos.clone();
    this.sortedNanos = nanos.clone();
    Arrays.sort(this.sortedNanos);
    this.wallNanos = wallNanos;
  }

  int count() {
    return sortedNanos.length;
  }

  /** Nearest-rank percentile, {@code 0 < p <= 100}, in nanoseconds. */
  long percentileNanos(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1];
  }

  double medianMillis() {
    return percentileNanos(50) / 1e6;
  }

  double p99Millis() {
    return percentileNanos(99) / 1e6;
  }

  double maxMillis() {
    return sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  /**
   * The median of each run of {@code window} consecutive requests, in request order (a trailing run
   * shorter than {@code window} is left out): how the latency settled while the server warmed up.
   */
  List<Double> windowMediansMillis(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    List<Double> medians = new ArrayList<>();
    for (int from = 0; from + window <= inRequestOrder.length; from += window) {
      medians.add(
          new Latencies(Arrays.copyOfRange(inRequestOrder, from, from + window), 1).medianMillis());
    }
    return medians;
  }

  /** Completed requests per second of wall time. */
  double throughputPerSecond() {
    return wallNanos <= 0 ? Double.NaN : sortedNanos.length / (wallNanos / 1e9);
  }
}
