package com.opstower.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatenciesTest {

  /** 1..100 ms, shuffled: the nearest-rank p-th percentile is exactly p ms. */
  private static final long[] ONE_TO_HUNDRED_MS =
      LongStream.rangeClosed(1, 100).map(i -> (i * 37 % 101) * 1_000_000L).toArray();

  @ParameterizedTest
  @CsvSource({"1, 1", "50, 50", "99, 99", "99.5, 100", "100, 100", "0.001, 1"})
  void percentileIsTheNearestRankSample(double p, long expectedMillis) {
    Latencies latencies = new Latencies(ONE_TO_HUNDRED_MS, 1);
    assertEquals(expectedMillis * 1_000_000L, latencies.percentileNanos(p));
  }

  @Test
  void medianOfAnEvenCountIsTheLowerMiddleSample() {
    Latencies latencies = new Latencies(new long[] {4_000_000, 1_000_000, 3_000_000, 2_000_000}, 1);
    assertEquals(2.0, latencies.medianMillis());
  }

  @Test
  void p99OfFewSamplesIsTheLargest() {
    Latencies latencies = new Latencies(new long[] {5_000_000, 1_000_000, 9_000_000}, 1);
    assertEquals(9.0, latencies.p99Millis());
    assertEquals(9.0, latencies.maxMillis());
  }

  @Test
  void throughputIsRequestsPerSecondOfWallTime() {
    Latencies latencies = new Latencies(new long[2_000], 4_000_000_000L);
    assertEquals(500.0, latencies.throughputPerSecond(), 1e-9);
  }

  @Test
  void samplesAreCopiedNotSortedInPlace() {
    long[] samples = {3, 1, 2};
    new Latencies(samples, 1);
    assertEquals(3, samples[0]);
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "100.01", "NaN"})
  void rejectsPercentilesOutsideTheRange(double p) {
    Latencies latencies = new Latencies(new long[] {1}, 1);
    assertThrows(IllegalArgumentException.class, () -> latencies.percentileNanos(p));
  }

  @Test
  void rejectsAnEmptyPhase() {
    assertThrows(IllegalArgumentException.class, () -> new Latencies(new long[0], 1));
  }

  @Test
  void windowMediansFollowRequestOrderAndDropAShortTail() {
    long[] samples = {9, 1, 5, 4, 4, 4, 2, 2, 8, 7};
    Latencies latencies = new Latencies(samples, 1);
    assertEquals(List.of(5e-6, 4e-6, 2e-6), latencies.windowMediansMillis(3));
  }
}
