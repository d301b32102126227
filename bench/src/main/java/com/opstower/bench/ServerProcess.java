package com.opstower.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpsTower on Payara Micro as its own OS process, started exactly like the product's run command
 * (the options of {@code app/src/main/payara/launch.options}), so the figures are those of a real
 * deployment. Its pid goes to a file so that {@code run.sh} can kill it even when this JVM dies
 * without running its shutdown hook.
 */
final class ServerProcess implements AutoCloseable {

  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final int port;
  private final Path log;
  private final Path pidFile;

  private ServerProcess(Process process, int port, Path log, Path pidFile) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.pidFile = pidFile;
  }

  static ServerProcess start(
      Path microJar, Path war, String maxHeap, Map<String, String> settings, Path log, Path pidFile)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    // For profiling or trying collector settings, separated by ';' (run.sh splits BENCH_OPTS at
    // spaces): -Dbench.server-jvm-options=-XX:+UseParallelGC;-Xlog:gc:file=gc.log
    for (String option : System.getProperty("bench.server-jvm-options", "").split(";")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(microJar.toString());
    // Exactly like run.sh and the ITs: the options of app/src/main/payara/launch.options.
    Path payara =
        Path.of(
            System.getProperty(
                "bench.payara-dir",
                microJar.resolveSibling("../src/main/payara").normalize().toString()));
    command.addAll(sharedOptions(payara));
    command.addAll(List.of("--deploy", war.toString(), "--port", String.valueOf(port)));
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
    ServerProcess server = new ServerProcess(process, port, log, pidFile);
    Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "kill-payara"));
    return server;
  }

  /** The lines of {@code launch.options} in {@code folder}, {@code {payara}} resolved. */
  private static List<String> sharedOptions(Path folder) throws IOException {
    return Files.readAllLines(folder.resolve("launch.options")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.replace("{payara}", folder.toAbsolutePath().toString()))
        .toList();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits for {@code /health/ready}: Payara Micro keeps running and listening when the deployment
   * fails, so an open port proves nothing.
   */
  void awaitReady(Duration limit) throws InterruptedException, IOException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited early; see " + log);
      }
      try {
        HttpResponse<Void> ready =
            PROBE.send(
                HttpRequest.newBuilder(base().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("OpsTower was not ready within " + limit + "; see " + log);
  }

  /** The last lines of the server log, to show why it failed. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException unreadable) {
      return "(log unreadable: " + unreadable.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL when it has not stopped after 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException stale) {
      // run.sh checks that the pid is alive before it kills anything
    }
  }

  private void kill() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
