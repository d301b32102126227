package com.opstower.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeapProbeTest {

  @Test
  void readsTheMetrics5FormWithTheBaseScopeLabel() {
    String text =
        """
        # HELP memory_usedHeap_bytes Displays the amount of used heap memory in bytes.
        # TYPE memory_usedHeap_bytes gauge
        memory_usedHeap_bytes{mp_scope="base",} 1.23456789E8
        memory_maxHeap_bytes{mp_scope="base",} 5.36870912E8
        """;
    assertEquals(Optional.of(123_456_789L), HeapProbe.usedHeapIn(text));
  }

  @Test
  void readsTheMetrics3FormWithoutLabels() {
    String text = "# TYPE base_memory_usedHeap_bytes gauge\nbase_memory_usedHeap_bytes 4.2E7\n";
    assertEquals(Optional.of(42_000_000L), HeapProbe.usedHeapIn(text));
  }

  @Test
  void ignoresTheSameNameInAnotherScope() {
    String text =
        "memory_usedHeap_bytes{mp_scope=\"application\"} 1.0E6\n"
            + "memory_usedHeap_bytes{mp_scope=\"base\"} 2.0E6\n";
    assertEquals(Optional.of(2_000_000L), HeapProbe.usedHeapIn(text));
  }

  @Test
  void ignoresMetricsWhoseNameOnlyStartsTheSame() {
    String text = "memory_usedHeap_bytes_total 9.0E9\nbase_memory_usedHeap_bytes 3.0E6\n";
    assertEquals(Optional.of(3_000_000L), HeapProbe.usedHeapIn(text));
  }

  @Test
  void isEmptyWithoutTheMetric() {
    assertEquals(Optional.empty(), HeapProbe.usedHeapIn("base_memory_maxHeap_bytes 5.0E8\n"));
  }
}
