package com.opstower.it.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Payara Micro started as its own OS process with the real WAR, for what Arquillian cannot do:
 * {@code kill -9}, restarts on the same data directory and start-up with other keys.
 */
public final class PayaraProcess implements AutoCloseable {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final int port;
  private final Path log;

  private PayaraProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Payara Micro and the real WAR with the given {@code -D} settings; output to {@code log}.
   */
  public static PayaraProcess start(Map<String, String> settings, Path log) throws IOException {
    return start(
        List.of("-Xmx384m"),
        settings,
        Path.of(System.getProperty("opstower.war", "../app/target/opstower.war")),
        log);
  }

  /** Starts Payara Micro with {@code war} on a free port. */
  static PayaraProcess start(
      List<String> jvmOptions, Map<String, String> settings, Path war, Path log)
      throws IOException {
    int port = freePort();
    List<String> command = PayaraLaunch.command(jvmOptions, settings, war, port);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new PayaraProcess(process, port, log);
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Waits for {@code /health/ready}; false when the process died or the time ran out. */
  public boolean awaitReady(Duration limit) throws InterruptedException {
    return awaitReady(base(), process::isAlive, limit);
  }

  /** Waits for {@code base}'s {@code /health/ready}; false when {@code alive} turns false. */
  public static boolean awaitReady(URI base, BooleanSupplier alive, Duration limit)
      throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (!alive.getAsBoolean()) {
        return false;
      }
      try {
        HttpResponse<Void> ready =
            CLIENT.send(
                HttpRequest.newBuilder(base.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Waits until the log contains {@code text}. */
  public boolean awaitLog(String text, Duration limit) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (logText().contains(text)) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  public String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** SIGKILL: no shutdown hook, no flush, no chance to close the database. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
