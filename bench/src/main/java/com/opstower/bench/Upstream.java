package com.opstower.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local upstream both the bench and OpsTower call, on 127.0.0.1 only. {@code GET /small}
 * answers a fixed JSON document of {@link #SMALL_BYTES} bytes; {@code GET /big} streams {@link
 * #BIG_BYTES} bytes of text (with that {@code Content-Length}) from one reused buffer, so the
 * upstream itself never holds more than 64 KB per response.
 */
final class Upstream implements AutoCloseable {

  static final int SMALL_BYTES = 200;
  static final long BIG_BYTES = 100L * 1024 * 1024;

  private static final byte[] SMALL = smallDocument();
  private static final byte[] CHUNK = bigChunk();

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong bigBytesSent = new AtomicLong();
  private final AtomicLong bigResponsesStarted = new AtomicLong();

  /** {@code threads} must cover every exchange that can be open at once (each one blocks one). */
  Upstream(int threadCount) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, and every small answer waits ~40 ms: that would measure Nagle, not OpsTower.
    // Read once, when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    threads = Executors.newFixedThreadPool(threadCount, Upstream::daemon);
    server.setExecutor(threads);
    server.createContext("/small", this::small);
    server.createContext("/big", this::big);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Body bytes of {@code /big} that were written to sockets before the peers went away. */
  long bigBytesSent() {
    return bigBytesSent.get();
  }

  long bigResponsesStarted() {
    return bigResponsesStarted.get();
  }

  private void small(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, SMALL.length);
      exchange.getResponseBody().write(SMALL);
    }
  }

  private void big(HttpExchange exchange) {
    bigResponsesStarted.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
      exchange.sendResponseHeaders(200, BIG_BYTES);
      OutputStream out = exchange.getResponseBody();
      for (long sent = 0; sent < BIG_BYTES; sent += CHUNK.length) {
        int length = (int) Math.min(CHUNK.length, BIG_BYTES - sent);
        out.write(CHUNK, 0, length);
        bigBytesSent.addAndGet(length);
      }
    } catch (IOException peerWentAway) {
      // expected: OpsTower aborts the exchange once it has read its cap
    }
  }

  private static byte[] smallDocument() {
    String head = "{\"id\":42,\"name\":\"bench\",\"tags\":[\"a\",\"b\",\"c\"],\"padding\":\"";
    String tail = "\"}";
    char[] padding = new char[SMALL_BYTES - head.length() - tail.length()];
    Arrays.fill(padding, 'x');
    return (head + new String(padding) + tail).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] bigChunk() {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) ('a' + i % 26);
    }
    return chunk;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "upstream");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
