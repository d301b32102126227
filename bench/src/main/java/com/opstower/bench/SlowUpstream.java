package com.opstower.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The upstream of the scale bench, on 127.0.0.1: {@code GET /slow} answers 1 KB of JSON after 200
 * ms, {@code GET /fast} at once. A waiting answer holds no thread: the handler returns and a
 * scheduler sends the answer when its time has come, so 5,000 waiting calls cost the bench JVM
 * nothing but their sockets.
 */
final class SlowUpstream implements AutoCloseable {

  static {
    // The JDK server's defaults would make it the bottleneck: Nagle's algorithm with delayed ACKs
    // adds 40 ms to each small answer, and more than 200 idle keep-alive connections are closed
    // (5,000 wrk connections then see read errors). Read once, when the server class initialises.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
  }

  static final int DELAY_MS = 200;
  static final byte[] DOCUMENT = document();

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);

  SlowUpstream() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/fast", SlowUpstream::answer);
    server.createContext(
        "/slow",
        exchange -> answers.schedule(() -> answer(exchange), DELAY_MS, TimeUnit.MILLISECONDS));
    server.setExecutor(handlers);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, DOCUMENT.length);
      exchange.getResponseBody().write(DOCUMENT);
    } catch (IOException clientGone) {
      // the caller gave up; nothing to do
    }
  }

  private static byte[] document() {
    StringBuilder json = new StringBuilder("{\"items\":[");
    for (int i = 0; json.length() < 1000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"ok\":true}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    answers.shutdownNow();
  }
}
