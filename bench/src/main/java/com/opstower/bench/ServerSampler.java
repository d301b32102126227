package com.opstower.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the server during one load run: resident memory and thread count from {@code
 * /proc/<pid>/status} and used heap from the metrics endpoint, twice a second; and how long {@code
 * /health/ready} and the sign-in page take to answer meanwhile. Keeps the peaks.
 *
 * <p>Each figure has its own thread: a sign-in page that takes seconds under load must not stop the
 * thread count from being read (it did, and a run reported the idle server's threads and 0 ms). A
 * probe still waiting when the run ends counts with the time it has waited so far, and is shown as
 * such ("≥ 9351").
 */
final class ServerSampler implements AutoCloseable {

  /** Peaks over the run; the heap figure includes garbage not yet collected. */
  record Peaks(long rssBytes, long threads, long heapBytes, Wait ready, Wait ui) {}

  /** The slowest answer of a probe; {@code stillWaiting} when one had not come by the end. */
  record Wait(long slowestMs, boolean stillWaiting) {
    String shown() {
      return (stillWaiting ? "≥ " : "") + String.format(Locale.ROOT, "%d", slowestMs);
    }
  }

  private final long pid;
  private final HeapProbe heap;
  private final HttpClient client;
  private final URI base;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads;
  private final AtomicLong rss = new AtomicLong();
  private final AtomicLong threadCount = new AtomicLong();
  private final AtomicLong heapBytes = new AtomicLong();
  private final Probe ready = new Probe("health/ready");
  private final Probe ui = new Probe("login");

  ServerSampler(long pid, HeapProbe heap, URI base) {
    this.pid = pid;
    this.heap = heap;
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.threads =
        List.of(
            loop("sampler-proc", this::readProcess),
            loop("sampler-heap", () -> max(heapBytes, heap.usedBytes())),
            loop("sampler-ready", ready::time),
            loop("sampler-ui", ui::time));
    threads.forEach(Thread::start);
  }

  private interface Step {
    void run() throws IOException, InterruptedException;
  }

  private Thread loop(String name, Step step) {
    Thread thread =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  step.run();
                  Thread.sleep(500);
                } catch (InterruptedException stop) {
                  return;
                } catch (IOException | RuntimeException ignored) {
                  // a sample lost under load; the next one counts
                }
              }
            },
            name);
    thread.setDaemon(true);
    return thread;
  }

  private void readProcess() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        max(rss, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
      } else if (line.startsWith("Threads:")) {
        max(threadCount, Long.parseLong(line.replaceAll("\\D", "")));
      }
    }
  }

  private static void max(AtomicLong peak, long value) {
    peak.accumulateAndGet(value, Math::max);
  }

  /** Times one page again and again; remembers when the request now waiting was sent. */
  private final class Probe {
    private final String path;
    private final AtomicLong slowest = new AtomicLong();
    private volatile long sentAt = -1;

    Probe(String path) {
      this.path = path;
    }

    void time() throws IOException, InterruptedException {
      long started = System.nanoTime();
      sentAt = started;
      try {
        client.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.discarding());
      } finally {
        sentAt = -1;
        max(slowest, (System.nanoTime() - started) / 1_000_000);
      }
    }

    Wait peak() {
      long waiting = sentAt;
      long waitedMs = waiting < 0 ? 0 : (System.nanoTime() - waiting) / 1_000_000;
      long answered = slowest.get();
      return new Wait(Math.max(answered, waitedMs), waitedMs > answered);
    }
  }

  Peaks peaks() {
    return new Peaks(rss.get(), threadCount.get(), heapBytes.get(), ready.peak(), ui.peak());
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (Thread thread : threads) {
      thread.join(5000);
    }
  }
}
