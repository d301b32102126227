package com.opstower.it.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP upstream on loopback that answers each request with the fault its first path
 * segment after the base names ({@link Fault}), or with a small JSON document for {@code /ok}. It
 * speaks HTTP/1.1 with keep-alive for the well-behaved answers, so a pooled connection can follow a
 * hostile one. Every loop is bounded: a broken server under test cannot make it run forever.
 */
public final class HostileUpstream implements AutoCloseable {

  /** Each way an upstream answer can be broken, by the path segment that asks for it. */
  public enum Fault {
    HUGE_HEAD("huge-head"),
    MANY_FIELDS("many-fields"),
    LARGE_HEAD("large-head"),
    GARBAGE_STATUS("garbage-status"),
    HTTP09("http09"),
    ENDLESS_INTERIM("endless-interim"),
    LYING_LENGTH("lying-length"),
    RESET_MID_BODY("reset-mid-body"),
    CLOSE_BEFORE_HEAD("close-before-head"),
    TRICKLED_HEAD("trickled-head");

    private final String segment;

    Fault(String segment) {
      this.segment = segment;
    }

    public String path() {
      return "/" + segment;
    }

    static Fault of(String path) {
      for (Fault fault : values()) {
        if (path.startsWith("/" + fault.segment) || path.contains("/" + fault.segment)) {
          return fault;
        }
      }
      return null;
    }
  }

  private static final byte[] OK_BODY =
      """
      {"ok":true,"items":[1,2,3]}"""
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();

  public HostileUpstream() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
    threads.submit(this::acceptLoop);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Request heads read so far, over all connections. */
  public int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.submit(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int served = 0; served < 10_000; served++) {
        String path = readRequest(in);
        if (path == null) {
          return;
        }
        requests.incrementAndGet();
        Fault fault = Fault.of(path);
        if (fault == null) {
          write(
              out,
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + OK_BODY.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          write(out, OK_BODY);
          continue;
        }
        answer(fault, socket, out);
        return; // a broken answer ends the connection
      }
    } catch (IOException | InterruptedException clientWentAway) {
      // the client under test refused the answer and closed: that is the point
    }
  }

  private static void answer(Fault fault, Socket socket, OutputStream out)
      throws IOException, InterruptedException {
    switch (fault) {
      case HUGE_HEAD -> {
        // about 200 MB of head in 1 MB lines: refused after the first 8 KiB
        write(out, ascii("HTTP/1.1 200 OK\r\n"));
        byte[] line = ascii("X-Huge: " + "h".repeat(1024 * 1024 - 10) + "\r\n");
        for (int i = 0; i < 200; i++) {
          write(out, line);
        }
        write(out, ascii("\r\n"));
      }
      case MANY_FIELDS -> {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 300; i++) {
          head.append("X-Field-").append(i).append(": ").append("f".repeat(1000)).append("\r\n");
        }
        write(out, ascii(head.append("Content-Length: 0\r\n\r\n").toString()));
      }
      case LARGE_HEAD -> {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 80; i++) {
          head.append("X-Large-").append(i).append(": ").append("l".repeat(8000)).append("\r\n");
        }
        write(out, ascii(head.append("Content-Length: 0\r\n\r\n").toString()));
      }
      case GARBAGE_STATUS -> write(out, ascii("SURPRISE 42 ???\r\nContent-Length: 0\r\n\r\n"));
      case HTTP09 ->
          write(out, ascii("<html><body>an HTTP/0.9 answer: a body, no head</body></html>\n"));
      case ENDLESS_INTERIM -> {
        byte[] interim = ascii("HTTP/1.1 102 Processing\r\n\r\n");
        for (int i = 0; i < 100_000; i++) {
          write(out, interim);
        }
      }
      case LYING_LENGTH ->
          write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nfar less than that"));
      case RESET_MID_BODY -> {
        write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "r".repeat(20)));
        Thread.sleep(50);
        socket.setSoLinger(true, 0);
        socket.close(); // RST, not FIN
      }
      case CLOSE_BEFORE_HEAD -> socket.close();
      case TRICKLED_HEAD -> {
        byte[] head = ascii("HTTP/1.1 200 OK\r\nX-Slow: " + "s".repeat(200) + "\r\n\r\n");
        for (byte b : head) {
          write(out, new byte[] {b});
          Thread.sleep(100);
        }
      }
    }
  }

  /** The request target's path of one request head (its body, if any, is read and dropped). */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0 || head.size() > 64 * 1024) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    in.readNBytes(Math.min(length, 1024 * 1024));
    String[] requestLine = lines[0].split(" ");
    return requestLine.length > 1 ? requestLine[1] : "/";
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "HostileUpstream" + Arrays.asList(baseUrl());
  }
}
