package com.opstower.it.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The used heap of the Payara process under test after a full collection: {@code jcmd <pid>
 * GC.run}, then the MicroProfile Metrics base metric {@code memory.usedHeap}. The process is the
 * Payara Micro listening on the port of {@code base}.
 */
final class ServerHeap {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final long pid;
  private final URI metrics;

  ServerHeap(URL base) {
    String port = "--port " + base.getPort();
    this.pid =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .filter(p -> p.info().commandLine().orElse("").contains(port))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Payara process for the ITs found"));
    this.metrics = URI.create(base.toString()).resolve("/metrics?scope=base");
  }

  /** Bytes in use after a full GC (the median of three readings a moment apart). */
  long afterFullGc() throws IOException, InterruptedException {
    long[] samples = new long[3];
    for (int i = 0; i < samples.length; i++) {
      collect();
      Thread.sleep(500);
      samples[i] = usedHeap();
    }
    java.util.Arrays.sort(samples);
    return samples[1];
  }

  private void collect() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("jcmd GC.run failed for pid " + pid);
    }
  }

  private long usedHeap() throws IOException, InterruptedException {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(metrics)
                .header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n")) {
      if (line.startsWith("memory_usedHeap_bytes")
          || line.startsWith("base_memory_usedHeap_bytes")) {
        String value = line.substring(line.lastIndexOf(' ') + 1).strip();
        return (long) Double.parseDouble(value);
      }
    }
    throw new IllegalStateException("no memory.usedHeap metric in " + metrics);
  }
}
