package com.opstower.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many calls at once whose upstream answers a 100 MB body, while the server's used heap is polled:
 * a server that buffered the bodies would need gigabytes; one that streams and stops at the cap
 * stays near its baseline.
 */
final class HeapRun {

  /** Figures of one run; sizes in bytes, times in milliseconds. */
  record Result(
      boolean baselineAfterFullGc,
      long baselineBytes,
      long peakBytes,
      long afterRunFullGcBytes,
      int samples,
      int calls,
      int cappedAsExpected,
      double wallMillis,
      Latencies latencies,
      List<String> problems) {

    long growthBytes() {
      return peakBytes - baselineBytes;
    }
  }

  private static final long SAMPLE_EVERY_MILLIS = 20;

  private final HttpClient client;
  private final HeapProbe heap;

  HeapRun(HttpClient client, HeapProbe heap) {
    this.client = client;
    this.heap = heap;
  }

  Result run(HttpRequest bigCall, int calls, int expectedBodyBytes, long settleMillis)
      throws Exception {
    boolean fullGc = heap.collectGarbage();
    Thread.sleep(settleMillis);
    long baseline = baseline();

    AtomicBoolean done = new AtomicBoolean();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicInteger samples = new AtomicInteger();
    Thread sampler = new Thread(() -> sampleUntil(done, peak, samples), "heap-sampler");
    sampler.setDaemon(true);

    long[] nanos = new long[calls];
    AtomicInteger capped = new AtomicInteger();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      int index = i;
      Thread caller =
          new Thread(
              () -> {
                try {
                  start.await();
                  long began = System.nanoTime();
                  HttpResponse<String> response =
                      client.send(bigCall, HttpResponse.BodyHandlers.ofString());
                  nanos[index] = System.nanoTime() - began;
                  String problem = capProblem(response, expectedBodyBytes);
                  if (problem == null) {
                    capped.incrementAndGet();
                  } else {
                    problems.add(problem);
                  }
                } catch (Exception failed) {
                  problems.add(failed.getClass().getSimpleName() + ": " + failed.getMessage());
                }
              },
              "big-" + i);
      caller.setDaemon(true);
      caller.start();
      callers.add(caller);
    }
    sampler.start();
    long began = System.nanoTime();
    start.countDown();
    for (Thread caller : callers) {
      caller.join();
    }
    long wall = System.nanoTime() - began;
    done.set(true);
    sampler.join();
    peak.accumulateAndGet(heap.usedBytes(), Math::max);
    samples.incrementAndGet();

    Thread.sleep(1000);
    heap.collectGarbage();
    long after = heap.usedBytes();
    return new Result(
        fullGc,
        baseline,
        peak.get(),
        after,
        samples.get(),
        calls,
        capped.get(),
        wall / 1e6,
        new Latencies(nanos, wall),
        List.copyOf(problems));
  }

  /** The median of five samples a fifth of a second apart, so one odd sample does not count. */
  private long baseline() throws Exception {
    long[] values = new long[5];
    for (int i = 0; i < values.length; i++) {
      values[i] = heap.usedBytes();
      Thread.sleep(200);
    }
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private void sampleUntil(AtomicBoolean done, AtomicLong peak, AtomicInteger samples) {
    // Bounded: the callers finish or time out long before 10 minutes.
    long end = System.nanoTime() + 600_000_000_000L;
    while (!done.get() && System.nanoTime() < end) {
      try {
        peak.accumulateAndGet(heap.usedBytes(), Math::max);
        samples.incrementAndGet();
        Thread.sleep(SAMPLE_EVERY_MILLIS);
      } catch (InterruptedException interrupted) {
        return;
      } catch (Exception unreadable) {
        // a missed sample while the server is busy; the next one counts
      }
    }
  }

  /** Null when the answer is HTTP 200 with upstream status 200, truncated, at the cap. */
  private static String capProblem(HttpResponse<String> response, int expectedBodyBytes) {
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode() + ": " + response.body();
    }
    JsonObject result = OpsTowerApi.parse(response.body());
    if (result.getInt("status") != 200
        || !result.getBoolean("truncated")
        || result.getInt("bodyBytes") != expectedBodyBytes) {
      return "status "
          + result.getInt("status")
          + ", truncated "
          + result.getBoolean("truncated")
          + ", bodyBytes "
          + result.getInt("bodyBytes");
    }
    return null;
  }
}
