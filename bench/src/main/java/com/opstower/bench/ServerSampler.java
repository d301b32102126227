package com.opstower.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the server during one load run, twice a second: resident memory and thread count from
 * {@code /proc/<pid>/status}, used heap from the metrics endpoint, and how long {@code
 * /health/ready} and the sign-in page take to answer meanwhile. Keeps the peaks.
 */
final class ServerSampler implements AutoCloseable {

  /** Peaks over the run; the heap figure includes garbage not yet collected. */
  record Peaks(
      long rssBytes, long threads, long heapBytes, long slowestReadyMs, long slowestUiMs) {}

  private final long pid;
  private final HeapProbe heap;
  private final HttpClient client;
  private final URI base;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile long rss;
  private volatile long threads;
  private volatile long heapBytes;
  private volatile long ready;
  private volatile long ui;

  ServerSampler(long pid, HeapProbe heap, URI base) {
    this.pid = pid;
    this.heap = heap;
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.thread = new Thread(this::sample, "server-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running.get()) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            rss = Math.max(rss, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
          } else if (line.startsWith("Threads:")) {
            threads = Math.max(threads, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
        heapBytes = Math.max(heapBytes, heap.usedBytes());
        ready = Math.max(ready, timeMs("health/ready"));
        ui = Math.max(ui, timeMs("login"));
        Thread.sleep(500);
      } catch (InterruptedException stop) {
        return;
      } catch (IOException | RuntimeException ignored) {
        // a sample lost under load; the next one counts
      }
    }
  }

  private long timeMs(String path) throws IOException, InterruptedException {
    long started = System.nanoTime();
    client.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.discarding());
    return (System.nanoTime() - started) / 1_000_000;
  }

  Peaks peaks() {
    return new Peaks(rss, threads, heapBytes, ready, ui);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(5000);
  }
}
