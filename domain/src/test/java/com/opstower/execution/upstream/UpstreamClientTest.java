package com.opstower.execution.upstream;

import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What comes back from a real upstream on 127.0.0.1: status, filtered and redacted headers, the
 * body as sent (never decompressed), a 3xx as is; nothing is retried or followed.
 */
class UpstreamClientTest {

  private static final String SECRET = "sk_live_0123456789abcdef";

  private final UpstreamClient client =
      new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(5), 8);

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void getReturnsStatusFilteredHeadersAndText() throws Exception {
    try (LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
              exchange.getResponseHeaders().add("Set-Cookie", "session=abc");
              exchange.getResponseHeaders().add("X-Echo", "token " + SECRET);
              byte[] body = ("hello " + SECRET).getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            })) {
      UpstreamResponse response =
          client.exchange(
              get(server.url("/greeting")), reader(1000), new SecretRedactor(List.of(SECRET)));

      assertEquals(200, response.status());
      assertEquals("hello [REDACTED]", response.body().body());
      assertFalse(response.body().truncated());
      assertEquals("token [REDACTED]", response.headers().get("x-echo"));
      assertEquals("text/plain; charset=UTF-8", response.headers().get("content-type"));
      assertFalse(response.headers().containsKey("set-cookie"));
      assertEquals("GET", server.received().get(0).method());
      assertEquals(0, server.received().get(0).body().length);
      assertTrue(response.durationMs() >= 0 && response.durationMs() < 5000);
    }
  }

  @Test
  void redirectToAnotherOriginIsReturnedNotFollowed() throws Exception {
    try (LoopbackHttpServer elsewhere =
            new LoopbackHttpServer(e -> e.sendResponseHeaders(200, -1));
        LoopbackHttpServer server =
            new LoopbackHttpServer(
                exchange -> {
                  exchange.getResponseHeaders().add("Location", elsewhere.url("/steal"));
                  exchange.sendResponseHeaders(302, -1);
                })) {
      UpstreamResponse response =
          client.exchange(get(server.url("/moved")), reader(100), SecretRedactor.none());

      assertEquals(302, response.status());
      assertEquals(elsewhere.url("/steal"), response.headers().get("location"));
      assertEquals(1, server.received().size());
      assertTrue(elsewhere.received().isEmpty(), "the redirect must not be followed");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 408, 429, 500, 503})
  void errorStatusesAreReturnedWithoutRetryOrAuthentication(int status) throws Exception {
    try (LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("Retry-After", "1");
              exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"x\"");
              exchange.sendResponseHeaders(status, -1);
            })) {
      long start = System.nanoTime();
      UpstreamResponse response =
          client.exchange(get(server.url("/e")), reader(100), SecretRedactor.none());

      assertEquals(status, response.status());
      assertEquals(1, server.received().size(), "sent exactly once");
      assertTrue(UpstreamTesting.millisSince(start) < 900, "no Retry-After pause");
    }
  }

  @Test
  void aCompressedBodyIsNeitherDecompressedNorPassedOn() throws Exception {
    byte[] gzip = GzipBodies.gzip("hello hello hello hello hello hello");
    try (LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("Content-Encoding", "gzip");
              String type =
                  exchange.getRequestURI().getPath().equals("/text")
                      ? "text/plain"
                      : "application/octet-stream";
              exchange.getResponseHeaders().add("Content-Type", type);
              exchange.sendResponseHeaders(200, gzip.length);
              exchange.getResponseBody().write(gzip);
            })) {
      UpstreamResponse binary =
          client.exchange(get(server.url("/binary")), reader(1000), SecretRedactor.none());
      UpstreamResponse text =
          client.exchange(get(server.url("/text")), reader(1000), SecretRedactor.none());

      assertNull(binary.body().body());
      assertTrue(binary.body().note().startsWith("Compressed response"), binary.body().note());
      assertEquals("gzip", binary.headers().get("content-encoding"));
      // redaction cannot see inside compressed bytes, and an agent could decompress them
      assertNull(text.body().body(), "a compressed text body is not passed on either");
      assertTrue(text.body().note().contains("Content-Encoding: 'gzip'"), text.body().note());
      assertTrue(text.body().truncated());
      assertEquals("identity", server.received().get(0).headers().getFirst("Accept-Encoding"));
    }
  }

  @Test
  void oneClientServesConcurrentCallsEachWithItsOwnAnswer() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              byte[] body = exchange.getRequestURI().getPath().getBytes();
              exchange.getResponseHeaders().add("Content-Type", "text/plain");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            })) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String path = "/call-" + i;
        answers.add(
            callers.submit(
                () ->
                    client
                        .exchange(get(server.url(path)), reader(100), SecretRedactor.none())
                        .body()
                        .body()));
      }
      for (int i = 0; i < 8; i++) {
        assertEquals("/call-" + i, answers.get(i).get());
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
