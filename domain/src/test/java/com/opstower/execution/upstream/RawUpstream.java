package com.opstower.execution.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written HTTP/1.1 upstream on 127.0.0.1 for behaviour {@code HttpServer} cannot produce:
 * trickling, never answering, endless bodies, exact request bytes. Each accepted connection runs
 * {@link Script} on its own thread; the server records every request head and whether writing to
 * the client failed (the client closed the connection).
 */
final class RawUpstream implements AutoCloseable {

  /** What the server does with one connection. */
  @FunctionalInterface
  interface Script {
    void run(RawUpstream server, InputStream in, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Script script;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final CountDownLatch writeFailed = new CountDownLatch(1);
  private final AtomicInteger scriptsDone = new AtomicInteger();
  private volatile long bytesWritten;
  private final ThreadLocal<Socket> current = new ThreadLocal<>();

  RawUpstream(Script script) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.script = script;
    Thread acceptor = new Thread(this::acceptLoop, "raw-upstream-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  int acceptedConnections() {
    return accepted.get();
  }

  List<String> heads() {
    return heads;
  }

  List<byte[]> bodies() {
    return bodies;
  }

  long bytesWritten() {
    return bytesWritten;
  }

  int scriptsDone() {
    return scriptsDone.get();
  }

  /** Whether a write to the client failed within the wait: the client hung up. */
  boolean sawClientHangUp(long millis) throws InterruptedException {
    return writeFailed.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Reads one request head and its Content-Length body, recording both; null at end of stream. */
  String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    heads.add(text);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    bodies.add(in.readNBytes(length));
    return text;
  }

  /** Writes and counts; a failure means the client closed the connection. */
  void write(OutputStream out, byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
      bytesWritten += bytes.length;
    } catch (IOException e) {
      writeFailed.countDown();
      throw e;
    }
  }

  void write(OutputStream out, String text) throws IOException {
    write(out, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        accepted.incrementAndGet();
        connections.add(connection);
        Thread worker = new Thread(() -> serve(connection), "raw-upstream-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Ends the connection this script runs on with a TCP reset (RST) instead of a close (FIN). */
  void reset() throws IOException {
    Socket connection = current.get();
    connection.setSoLinger(true, 0);
    connection.close();
  }

  private void serve(Socket connection) {
    current.set(connection);
    try (connection) {
      script.run(this, connection.getInputStream(), connection.getOutputStream());
    } catch (IOException e) {
      // the client went away; recorded by write() where it matters
    } finally {
      scriptsDone.incrementAndGet();
    }
  }

  static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }
}
