package com.opstower.bench;

import com.opstower.bench.LoadRunner.Phase;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: printed, and written to {@code bench/target/results.md}. */
final class Report {

  private static final double MB = 1024.0 * 1024.0;
  private static final double ADDED_LATENCY_TARGET_MILLIS = 2.0;
  private static final double HEAP_GROWTH_TARGET_MB = 64.0;

  private final StringBuilder text = new StringBuilder();

  Report header(String machine, String upstream) {
    line("# OpsTower Connections — executor benchmark");
    line("");
    line(machine);
    line("");
    line(upstream);
    line("");
    return this;
  }

  /** Requests per warm-up window in the report: enough for a stable median, and a visible curve. */
  static final int WARMUP_WINDOW = 5_000;

  /**
   * The medians of consecutive warm-up windows at concurrency 1, so a reader can see that the
   * measured requests ran on a settled server (and how a freshly started one behaves).
   */
  private void warmupCurves(List<Phase> phases) {
    for (Phase phase : phases) {
      if (phase.concurrency() != 1 || phase.warmup() == null) {
        continue;
      }
      List<Double> medians = phase.warmup().windowMediansMillis(WARMUP_WINDOW);
      if (medians.isEmpty()) {
        continue;
      }
      StringBuilder curve = new StringBuilder();
      for (double median : medians) {
        curve
            .append(curve.length() == 0 ? "" : " → ")
            .append(String.format(Locale.ROOT, "%.2f", median));
      }
      line(
          "Warm-up, %s at concurrency 1: median ms of each %,d consecutive requests: %s.",
          phase.name(), WARMUP_WINDOW, curve);
      line("");
    }
  }

  /** Phases in pairs: direct then through OpsTower, for the same concurrency. */
  Report latency(List<Phase> phases) {
    line(
        "| calls | concurrency | requests | median ms | p99 ms | max ms | throughput req/s | errors |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Phase phase : phases) {
      Latencies l = phase.latencies();
      line(
          "| %s | %d | %d | %.3f | %.3f | %.3f | %.0f | %d |",
          phase.name(),
          phase.concurrency(),
          l.count(),
          l.medianMillis(),
          l.p99Millis(),
          l.maxMillis(),
          l.throughputPerSecond(),
          phase.errors());
    }
    line("");
    line(
        "| concurrency | added latency (median) | through/direct median | through/direct p99 "
            + "| throughput through/direct |");
    line("|---:|---:|---:|---:|---:|");
    for (int i = 0; i + 1 < phases.size(); i += 2) {
      Latencies direct = phases.get(i).latencies();
      Latencies through = phases.get(i + 1).latencies();
      line(
          "| %d | %.3f ms | %.2f× | %.2f× | %.2f |",
          phases.get(i).concurrency(),
          through.medianMillis() - direct.medianMillis(),
          through.medianMillis() / direct.medianMillis(),
          through.p99Millis() / direct.p99Millis(),
          through.throughputPerSecond() / direct.throughputPerSecond());
    }
    line("");
    warmupCurves(phases);
    int errors = 0;
    for (Phase phase : phases) {
      errors += phase.errors();
      if (phase.firstError() != null) {
        line(
            "First of %d errors in \"%s\" at concurrency %d: %s",
            phase.errors(), phase.name(), phase.concurrency(), phase.firstError());
        line("");
      }
    }
    double added =
        phases.get(1).latencies().medianMillis() - phases.get(0).latencies().medianMillis();
    line(
        "Target: median added latency under %.0f ms at concurrency 1 — **%s** (%.3f ms).",
        ADDED_LATENCY_TARGET_MILLIS,
        errors > 0
            ? "not measured: calls failed"
            : added < ADDED_LATENCY_TARGET_MILLIS ? "met" : "missed",
        added);
    line("");
    return this;
  }

  Report heap(
      HeapRun.Result result, String source, long upstreamBytes, long upstreamResponses, int cap) {
    line("| 100 MB bodies | value |");
    line("|---|---:|");
    line("| concurrent calls | %d |", result.calls());
    line(
        "| used heap, baseline%s | %.1f MB |",
        result.baselineAfterFullGc() ? " (after a full GC and 3 s)" : "",
        result.baselineBytes() / MB);
    line(
        "| used heap, peak during the calls (%d samples) | %.1f MB |",
        result.samples(), result.peakBytes() / MB);
    line("| **growth** (peak − baseline) | **%.1f MB** |", result.growthBytes() / MB);
    line("| used heap after the run and a full GC | %.1f MB |", result.afterRunFullGcBytes() / MB);
    line("| all %d calls took (wall) | %.0f ms |", result.calls(), result.wallMillis());
    line(
        "| one call, median / max | %.0f / %.0f ms |",
        result.latencies().medianMillis(), result.latencies().maxMillis());
    line(
        "| answers truncated with bodyBytes %d | %d of %d |",
        cap, result.cappedAsExpected(), result.calls());
    line(
        "| body bytes the upstream wrote (of %.0f MB offered, %d responses) | %.1f MB |",
        upstreamResponses * (Upstream.BIG_BYTES / MB), upstreamResponses, upstreamBytes / MB);
    line("");
    line("Heap source: %s.", source);
    line("");
    for (String problem : result.problems().stream().limit(5).toList()) {
      line("Problem: %s", problem);
      line("");
    }
    line(
        "Target: heap growth under %.0f MB — **%s** (%.1f MB).",
        HEAP_GROWTH_TARGET_MB,
        result.cappedAsExpected() < result.calls()
            ? "not measured: calls did not come back capped"
            : result.growthBytes() / MB < HEAP_GROWTH_TARGET_MB ? "met" : "missed",
        result.growthBytes() / MB);
    return this;
  }

  String markdown() {
    return text.toString();
  }

  private void line(String format, Object... args) {
    text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
  }
}
