package com.opstower.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends a fixed number of identical requests with a fixed number of threads, each sending its next
 * request as soon as the previous answer has been read (closed loop), and records one latency per
 * request. A warm-up pass with the same shape runs first and is discarded.
 */
final class LoadRunner {

  /** Returns null when the answer is the expected one, otherwise what was wrong with it. */
  interface Check extends Function<HttpResponse<String>, String> {}

  /**
   * One measured phase. {@code warmup} holds the discarded warm-up requests (null without warm-up);
   * {@code firstError} is null when every answer passed the check.
   */
  record Phase(
      String name,
      int concurrency,
      Latencies warmup,
      Latencies latencies,
      int errors,
      String firstError) {}

  private final HttpClient client;

  LoadRunner(HttpClient client) {
    this.client = client;
  }

  Phase run(String name, HttpRequest request, Check check, int concurrency, int warmup, int count)
      throws InterruptedException {
    Latencies warm = null;
    if (warmup > 0) {
      warm =
          measure(
              request, check, concurrency, warmup, new AtomicInteger(), new AtomicReference<>());
    }
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    Latencies latencies = measure(request, check, concurrency, count, errors, firstError);
    return new Phase(name, concurrency, warm, latencies, errors.get(), firstError.get());
  }

  private Latencies measure(
      HttpRequest request,
      Check check,
      int concurrency,
      int count,
      AtomicInteger errors,
      AtomicReference<String> firstError)
      throws InterruptedException {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread worker =
          new Thread(
              () -> {
                awaitQuietly(start);
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  long began = System.nanoTime();
                  String problem;
                  try {
                    HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - began;
                    problem = check.apply(response);
                  } catch (Exception failed) {
                    nanos[i] = System.nanoTime() - began;
                    problem = failed.getClass().getSimpleName() + ": " + failed.getMessage();
                  }
                  if (problem != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                  }
                }
              },
              "load-" + t);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    long began = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    return new Latencies(nanos, System.nanoTime() - began);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
