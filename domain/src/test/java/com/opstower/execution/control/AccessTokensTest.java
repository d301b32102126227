package com.opstower.execution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.cluster.InMemoryValues;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.connection.entity.OAuthSettings;
import com.opstower.crypto.control.CipherRegistry;
import com.opstower.crypto.control.CredentialCipher;
import com.opstower.crypto.control.KeyRing;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.oauth.SharedToken;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.upstream.UpstreamResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The token cache with a token endpoint in this test (a function of the request). Isolated: the
 * sharing tests install the process-wide cipher ({@link CipherRegistry}) that other classes set
 * too.
 */
@org.junit.jupiter.api.parallel.Isolated
class AccessTokensTest {

  private static Connection oauthConnection() {
    return new Connection(
        new ConnectionDetails(
            "Stock",
            BaseUrl.parse("https://api.example.com"),
            AuthType.OAUTH2_CLIENT_CREDENTIALS,
            "client-1",
            null,
            null,
            CallPolicy.any(),
            new OAuthSettings("https://auth.example.com/token", null, null, null)),
        "client-secret-1",
        Instant.now());
  }

  private static Connection noAuthConnection() {
    return new Connection(
        new ConnectionDetails(
            "Open",
            BaseUrl.parse("https://open.example.com"),
            AuthType.NONE,
            null,
            null,
            null,
            CallPolicy.any(),
            null),
        null,
        Instant.now());
  }

  /** A token endpoint that answers only once {@code release} is counted down. */
  private static com.opstower.execution.upstream.WaitedExchange issuesWhenReleased(
      CountDownLatch release, AtomicInteger fetches, String token) {
    return (request, reader, redactor) -> {
      fetches.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return issued(token, 600);
    };
  }

  private static UpstreamResponse issued(String token, int expiresIn) {
    String body = "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}";
    return new UpstreamResponse(
        200, Map.of(), new ReadBody(body, false, body.length(), "application/json", null), 1);
  }

  @Test
  void oneTokenUntilShortlyBeforeItExpires() {
    AtomicInteger fetches = new AtomicInteger();
    AccessTokens tokens = new AccessTokens();
    tokens.upstream =
        (request, reader, redactor) -> issued("tok-" + fetches.incrementAndGet(), 120);
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    tokens.clock = Clock.fixed(start, ZoneOffset.UTC);
    Connection connection = oauthConnection();
    Credentials base = Credentials.of(connection);
    assertEquals("Bearer tok-1", tokens.forCall(connection, base).headers().get("Authorization"));
    assertEquals("Bearer tok-1", tokens.forCall(connection, base).headers().get("Authorization"));
    tokens.clock = Clock.fixed(start.plus(Duration.ofSeconds(89)), ZoneOffset.UTC);
    assertEquals("Bearer tok-1", tokens.forCall(connection, base).headers().get("Authorization"));
    tokens.clock = Clock.fixed(start.plus(Duration.ofSeconds(91)), ZoneOffset.UTC);
    assertEquals(
        "Bearer tok-2",
        tokens.forCall(connection, base).headers().get("Authorization"),
        "30 s early");
    Credentials used = tokens.forCall(connection, base);
    tokens.rejected(connection, used);
    assertEquals("Bearer tok-3", tokens.forCall(connection, base).headers().get("Authorization"));
    assertEquals(3, fetches.get());
  }

  @Test
  void anErrorInOneFetchDoesNotBlockTheNext() {
    AtomicInteger fetches = new AtomicInteger();
    AccessTokens tokens = new AccessTokens();
    tokens.upstream =
        (request, reader, redactor) -> {
          if (fetches.incrementAndGet() == 1) {
            throw new InternalError("simulated VM trouble");
          }
          return issued("tok-ok", 600);
        };
    Connection connection = oauthConnection();
    Credentials base = Credentials.of(connection);
    assertThrows(InternalError.class, () -> tokens.forCall(connection, base));
    assertEquals("Bearer tok-ok", tokens.forCall(connection, base).headers().get("Authorization"));
  }

  @Test
  void callsArrivingTogetherShareOneFetch() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AccessTokens tokens = new AccessTokens();
    tokens.upstream = issuesWhenReleased(release, fetches, "tok-shared");
    Connection connection = oauthConnection();
    Credentials base = Credentials.of(connection);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      java.util.List<Future<Credentials>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(callers.submit(() -> tokens.forCall(connection, base)));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<Credentials> call : calls) {
        assertEquals("Bearer tok-shared", call.get().headers().get("Authorization"));
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(1, fetches.get());
    assertTrue(
        tokens
            .forCall(connection, base)
            .redactor()
            .redact("x tok-shared y")
            .contains("[REDACTED]"));
  }

  @Test
  void aCallThatMustNotWaitHoldsNoThreadWhileTheTokenIsFetched() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AccessTokens tokens = new AccessTokens();
    tokens.upstream = issuesWhenReleased(release, fetches, "tok-async");
    Connection connection = oauthConnection();
    Credentials base = Credentials.of(connection);
    ExecutorService fetcher = Executors.newSingleThreadExecutor();
    try {
      java.util.List<java.util.concurrent.CompletableFuture<Credentials>> calls =
          new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        // returns at once on this thread although the token endpoint has not answered
        calls.add(tokens.forCallAsync(connection, base, fetcher));
      }
      Thread.sleep(100);
      assertTrue(calls.stream().noneMatch(java.util.concurrent.CompletableFuture::isDone));
      release.countDown();
      for (java.util.concurrent.CompletableFuture<Credentials> call : calls) {
        assertEquals(
            "Bearer tok-async",
            call.get(5, java.util.concurrent.TimeUnit.SECONDS).headers().get("Authorization"));
      }
      assertTrue(
          tokens.forCallAsync(connection, base, fetcher).isDone(), "a kept token: no waiting");
      assertEquals(1, fetches.get(), "one fetch for all");
      Credentials none = Credentials.of(noAuthConnection());
      assertTrue(tokens.forCallAsync(noAuthConnection(), none, fetcher).isDone());
    } finally {
      release.countDown();
      fetcher.shutdownNow();
    }
  }

  @Test
  void aCallThatMustNotWaitIsToldWhenTheTokenDoesNotComeOrTheFetchFails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    AccessTokens tokens = new AccessTokens();
    tokens.waitLimit = Duration.ofMillis(200);
    tokens.upstream =
        (request, reader, redactor) -> {
          if (fetches.incrementAndGet() == 1) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new InternalError("simulated VM trouble");
          }
          return issued("tok-later", 600);
        };
    Connection connection = oauthConnection();
    Credentials base = Credentials.of(connection);
    ExecutorService fetcher = Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.ExecutionException late =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () ->
                  tokens
                      .forCallAsync(connection, base, fetcher)
                      .get(5, java.util.concurrent.TimeUnit.SECONDS));
      com.opstower.problem.ProblemException timedOut =
          assertInstanceOf(com.opstower.problem.ProblemException.class, late.getCause());
      assertEquals(com.opstower.problem.ProblemCode.UPSTREAM_TIMEOUT, timedOut.code());
      java.util.concurrent.CompletableFuture<Credentials> waiting =
          tokens.forCallAsync(connection, base, fetcher);
      release.countDown();
      java.util.concurrent.ExecutionException failed =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () -> waiting.get(5, java.util.concurrent.TimeUnit.SECONDS));
      com.opstower.problem.ProblemException inside =
          assertInstanceOf(com.opstower.problem.ProblemException.class, failed.getCause());
      assertEquals(com.opstower.problem.ProblemCode.INTERNAL_ERROR, inside.code());
      assertEquals(
          "Bearer tok-later",
          tokens
              .forCallAsync(connection, base, fetcher)
              .get(5, java.util.concurrent.TimeUnit.SECONDS)
              .headers()
              .get("Authorization"),
          "a failed fetch is not kept");
      assertEquals(2, fetches.get());
    } finally {
      release.countDown();
      fetcher.shutdownNow();
    }
  }

  /** Two instances' caches over one shared map (the cluster's map behaves the same). */
  @Test
  void anInstanceTakesTheTokenAnotherInstanceFetched() {
    installCipher();
    try {
      AtomicInteger fetches = new AtomicInteger();
      InMemoryValues cluster = new InMemoryValues();
      AccessTokens a = sharing(cluster, fetches);
      AccessTokens b = sharing(cluster, fetches);
      Connection connection = oauthConnection();
      Credentials base = Credentials.of(connection);
      assertEquals("Bearer tok-1", a.forCall(connection, base).headers().get("Authorization"));
      long[] stored = cluster.get(connection.id());
      assertTrue(stored != null, "shared");
      assertTrue(
          !SharedToken.of(stored).orElseThrow().sealed().contains("tok-1"), "sealed, not plain");
      Credentials onB = b.forCall(connection, base);
      assertEquals("Bearer tok-1", onB.headers().get("Authorization"), "B did not fetch");
      assertTrue(onB.redactor().redact("x tok-1 y").contains("[REDACTED]"));
      assertEquals(1, fetches.get());

      b.rejected(connection, onB);
      assertEquals(null, cluster.get(connection.id()), "a rejected token is not shared any more");
      assertEquals("Bearer tok-2", b.forCall(connection, base).headers().get("Authorization"));
      Connection other = oauthConnection();
      cluster.putIfAbsent(other.id(), cluster.get(connection.id()));
      assertEquals(
          "Bearer tok-3",
          a.forCall(other, Credentials.of(other)).headers().get("Authorization"),
          "a token sealed for another connection is not taken");
      assertEquals(3, fetches.get());
    } finally {
      CipherRegistry.clear();
    }
  }

  @Test
  void aDamagedOrExpiredSharedTokenIsReplaced() {
    installCipher();
    try {
      AtomicInteger fetches = new AtomicInteger();
      InMemoryValues cluster = new InMemoryValues();
      AccessTokens a = sharing(cluster, fetches);
      Connection connection = oauthConnection();
      cluster.putIfAbsent(connection.id(), new long[] {0, Long.MAX_VALUE, 9, 1, 2});
      assertEquals(
          "Bearer tok-1",
          a.forCall(connection, Credentials.of(connection)).headers().get("Authorization"));
      assertEquals(1, fetches.get());
      assertEquals(
          connection.version(),
          SharedToken.of(cluster.get(connection.id())).orElseThrow().version(),
          "replaced by the new token");

      AccessTokens late = sharing(cluster, fetches);
      late.clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
      assertEquals(
          "Bearer tok-2",
          late.forCall(connection, Credentials.of(connection)).headers().get("Authorization"),
          "past its renewal time a shared token is not taken");
    } finally {
      CipherRegistry.clear();
    }
  }

  private static void installCipher() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    CipherRegistry.install(
        new CredentialCipher(
            KeyRing.parse("k1:" + java.util.Base64.getEncoder().encodeToString(key), "k1")));
  }

  private static AccessTokens sharing(InMemoryValues cluster, AtomicInteger fetches) {
    AccessTokens tokens = new AccessTokens();
    tokens.shared = cluster;
    tokens.upstream =
        (request, reader, redactor) -> issued("tok-" + fetches.incrementAndGet(), 600);
    return tokens;
  }
}
