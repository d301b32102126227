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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the server's used heap from its MicroProfile Metrics endpoint (Prometheus text): the base
 * metric {@code memory.usedHeap}, exported as {@code base_memory_usedHeap_bytes} (Metrics 3/4) or
 * {@code memory_usedHeap_bytes{mp_scope="base"}} (Metrics 5). The value is what the JVM reports as
 * used, garbage not yet collected included, so a peak is an upper bound of what the calls hold.
 */
final class HeapProbe {

  private static final List<String> NAMES =
      List.of("base_memory_usedHeap_bytes", "memory_usedHeap_bytes");

  private final HttpClient client;
  private final List<URI> candidates;
  private final long pid;
  private URI endpoint;

  HeapProbe(HttpClient client, URI serverBase, long pid) {
    this.client = client;
    // The scoped forms answer far less text; the last one is the contract's own endpoint.
    this.candidates =
        List.of(
            serverBase.resolve("metrics?scope=base"),
            serverBase.resolve("metrics/base"),
            serverBase.resolve("metrics"));
    this.pid = pid;
  }

  /** Used heap in bytes. */
  long usedBytes() throws IOException, InterruptedException {
    if (endpoint == null) {
      for (URI candidate : candidates) {
        if (read(candidate).isPresent()) {
          endpoint = candidate;
          break;
        }
      }
      if (endpoint == null) {
        throw new IllegalStateException("no used-heap metric at " + candidates);
      }
    }
    return read(endpoint).orElseThrow(() -> new IllegalStateException("metric gone: " + endpoint));
  }

  /** Where the figure comes from, for the report. */
  String source() {
    return endpoint == null
        ? "(not read yet)"
        : "GET "
            + endpoint.getPath()
            + (endpoint.getQuery() == null ? "" : "?" + endpoint.getQuery())
            + ", metric memory.usedHeap";
  }

  /**
   * Asks the server JVM for a full collection ({@code jcmd <pid> GC.run}) so that a baseline is the
   * live set and not whatever garbage happened to be around. False when jcmd is unavailable.
   */
  boolean collectGarbage() throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return false;
    }
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException notStarted) {
      return false;
    }
  }

  private Optional<Long> read(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? usedHeapIn(response.body()) : Optional.empty();
  }

  /** The used-heap sample in a Prometheus text document, if there is one. */
  static Optional<Long> usedHeapIn(String prometheusText) {
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int nameEnd = indexOfAny(line, '{', ' ');
      if (nameEnd < 0 || !NAMES.contains(line.substring(0, nameEnd))) {
        continue;
      }
      int valueStart = nameEnd;
      if (line.charAt(nameEnd) == '{') {
        int close = line.indexOf('}', nameEnd);
        if (close < 0) {
          continue;
        }
        String labels = line.substring(nameEnd, close + 1);
        if (labels.contains("mp_scope=") && !labels.contains("mp_scope=\"base\"")) {
          continue;
        }
        valueStart = close + 1;
      }
      String[] parts = line.substring(valueStart).trim().split("\\s+");
      return Optional.of((long) Double.parseDouble(parts[0]));
    }
    return Optional.empty();
  }

  private static int indexOfAny(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == a || text.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }
}
