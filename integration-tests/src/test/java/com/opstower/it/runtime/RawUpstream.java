package com.opstower.it.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream that misbehaves at the socket level, where WireMock cannot: it answers every
 * connection with headers and then an endless body, counting the bytes it managed to send.
 */
final class RawUpstream implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicLong bytesSent = new AtomicLong();

  RawUpstream() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  long bytesSent() {
    return bytesSent.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.submit(() -> endlessBody(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void endlessBody(Socket socket) {
    try (socket;
        OutputStream out = socket.getOutputStream()) {
      socket.getInputStream().read(new byte[8192]);
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "endless ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
      // Bounded so a broken server under test cannot make this run forever: 2 GB at most.
      for (int i = 0; i < 256 * 1024 && !socket.isClosed(); i++) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
    } catch (IOException peerClosed) {
      // expected: OpsTower aborts the exchange at the cap
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
