package com.opstower.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's nginx as a credential-injecting reverse proxy in front of the upstream: what a team
 * would run instead of OpsTower if all it wanted was "add the token". One worker, keep-alive to the
 * upstream, no access log.
 */
final class NginxProxy implements AutoCloseable {

  private final Process process;
  private final int port;

  private NginxProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NginxProxy start(Path nginx, int upstreamPort, String bearer, Path dir)
      throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(dir.resolve("logs"));
    String conf =
        """
        worker_processes 1;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 16384; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          upstream api { server 127.0.0.1:%2$d; keepalive 256; }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Authorization "Bearer %4$s";
              proxy_pass http://api;
            }
          }
        }
        """
            .formatted(dir.toAbsolutePath(), upstreamPort, port, bearer);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process process =
        new ProcessBuilder(
                nginx.toString(), "-p", dir.toAbsolutePath().toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/stdout.log").toFile())
            .start();
    NginxProxy proxy = new NginxProxy(process, port);
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(end)) {
      try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
        return proxy;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("nginx exited: see " + dir.resolve("logs"));
        }
        Thread.sleep(100);
      }
    }
    proxy.close();
    throw new IOException("nginx did not listen within 10 s");
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
