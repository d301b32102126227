package com.opstower.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.server.PayaraProcess;
import com.opstower.it.server.ThrowawayPostgres;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances started by {@code run.sh} with {@code OPSTOWER_CLUSTER_MEMBERS} on one PostgreSQL
 * (contract v1.1, "Several instances"): what is created on one is used on the other, an edit and a
 * revocation on one take effect on the other within 1 s, a per-token limit counts the calls of
 * both, an OAuth 2.0 access token fetched by one serves the other, and after {@code kill -9} of one
 * under load the other keeps serving with every acknowledged write present. Tagged {@code
 * restarts}: runs with {@code -Pfull}.
 */
@Tag("restarts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

  private static final Duration START = Duration.ofSeconds(240);
  private static final String ADMIN = "several-admin-token-" + UUID.randomUUID();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static ThrowawayPostgres postgres;
  private static HttpServer upstream;
  private static final Map<String, String> lastAuthorization = new ConcurrentHashMap<>();
  private static final CountDownLatch releaseHanging = new CountDownLatch(1);
  private static final java.util.concurrent.atomic.AtomicInteger hanging =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger tokenRequests =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final AtomicBoolean firstTokenRevoked = new AtomicBoolean();
  private static Instance a;
  private static Instance b;

  /** One {@code run.sh} and the Payara Micro it started. */
  record Instance(Process runSh, int port, Path dataDir) {
    URI base() {
      return URI.create("http://127.0.0.1:" + port + "/");
    }

    Api api(String token) {
      return new Api(base(), token);
    }

    String log() throws IOException {
      Path log = dataDir.resolve("logs/server.log");
      return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL to the server process itself (the JVM under run.sh), then run.sh. */
    void kill9() throws InterruptedException {
      runSh.descendants().forEach(ProcessHandle::destroyForcibly);
      runSh.destroyForcibly();
      runSh.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @BeforeAll
  static void startTwoInstances() throws Exception {
    postgres = ThrowawayPostgres.start(Path.of("target", "several-postgres").toAbsolutePath());
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          lastAuthorization.put(
              path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          if (path.equals("/oauth/token")) {
            byte[] issued =
                ("{\"access_token\":\"several-tok-"
                        + tokenRequests.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, issued.length);
            exchange.getResponseBody().write(issued);
            exchange.close();
            return;
          }
          if (path.startsWith("/oauth-api/")
              && firstTokenRevoked.get()
              && "Bearer several-tok-1"
                  .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
          }
          if (path.endsWith("/hang")) {
            hanging.incrementAndGet();
            try {
              releaseHanging.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
    int clusterA = freePort();
    int clusterB = freePort();
    String members = "127.0.0.1:" + clusterA + ",127.0.0.1:" + clusterB;
    String key =
        Base64.getEncoder()
            .encodeToString(
                UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII));
    a = launch("a", clusterA, members, key);
    b = launch("b", clusterB, members, key);
    for (Instance instance : List.of(a, b)) {
      assertTrue(awaitReady(instance), "not ready: " + tail(instance.log()));
    }
    Instant end = Instant.now().plusSeconds(60);
    while (!(a.log().contains("of 2 instances") || b.log().contains("of 2 instances"))
        && Instant.now().isBefore(end)) {
      // the cluster line is logged when the first instance-shared bean is made; make one
      a.api(ADMIN).get("/api/v1/tokens");
      b.api(ADMIN).get("/api/v1/tokens");
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    releaseHanging.countDown();
    for (Instance instance : new Instance[] {a, b}) {
      if (instance != null) {
        instance.kill9();
      }
    }
    if (upstream != null) {
      upstream.stop(0);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Instance launch(String name, int clusterPort, String members, String key)
      throws IOException {
    Path data = Path.of("target", "several", name + "-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(data);
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "run.sh")
            .directory(Path.of("..").toAbsolutePath().normalize().toFile())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("run.sh.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("OPSTOWER_SKIP_BUILD", "1");
    env.put("PORT", Integer.toString(port));
    env.put("OPSTOWER_DATA_DIR", data.toString());
    env.put("OPSTOWER_CLUSTER_MEMBERS", members);
    env.put("OPSTOWER_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("OPSTOWER_DB_URL", postgres.jdbcUrl());
    env.put("OPSTOWER_DB_USER", ThrowawayPostgres.USER);
    env.put("OPSTOWER_DB_PASSWORD", postgres.password());
    env.put("OPSTOWER_CRYPTO_KEYS", "k1:" + key);
    env.put("OPSTOWER_CRYPTO_ACTIVE_KEY", "k1");
    env.put("OPSTOWER_BOOTSTRAP_API_TOKEN", ADMIN);
    env.put("OPSTOWER_BOOTSTRAP_ADMIN_PASSWORD", "several-admin-password");
    env.put("OPSTOWER_EGRESS_ALLOW_LOOPBACK", "true");
    env.put("OPSTOWER_LIMITS_IN_FLIGHT_PER_TOKEN", "2");
    env.put("JAVA_OPTS", "-Xmx384m");
    return new Instance(builder.start(), port, data);
  }

  /** A connection to the upstream under {@code prefix}, enabled on a new agent, and a new token. */
  record Enabled(String connection, String path, String tokenId, String token) {}

  private static Enabled enable(Api admin, String prefix, jakarta.json.JsonObjectBuilder auth) {
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + prefix;
    Api.Reply connection =
        admin.post(
            "/api/v1/connections",
            Bodies.json(Bodies.connection(prefix + " " + UUID.randomUUID(), base, auth)));
    assertEquals(201, connection.status(), connection.body());
    String connectionId = connection.json().getString("id");
    String agent =
        admin
            .post("/api/v1/agents", Bodies.agent("several-" + UUID.randomUUID(), "custom"))
            .json()
            .getString("id");
    assertEquals(
        204, admin.put("/api/v1/agents/" + agent + "/connections/" + connectionId, null).status());
    Api.Reply token =
        admin.post("/api/v1/tokens", Bodies.token("several-" + UUID.randomUUID(), "agent"));
    return new Enabled(
        connectionId,
        "/api/v1/agents/" + agent + "/connections/" + connectionId + "/requests",
        token.json().getString("id"),
        token.json().getString("token"));
  }

  @Test
  @Order(1)
  void createdOnOneUsedOnTheOtherAndChangesReachTheOtherWithinASecond() throws Exception {
    Api adminA = a.api(ADMIN);
    Api adminB = b.api(ADMIN);
    Enabled enabled = enable(adminA, "/edit", Bodies.bearer("first-secret"));
    String connection = enabled.connection();
    String tokenId = enabled.tokenId();
    String path = enabled.path();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/edit";

    Api.Reply onB = b.api(enabled.token()).post(path, Bodies.get("/x"));
    assertEquals(200, onB.status(), "created on A, used on B: " + onB.body());
    assertEquals("Bearer first-secret", lastAuthorization.get("/edit/x"));
    Api agentA = a.api(enabled.token());
    assertEquals(200, agentA.post(path, Bodies.get("/x")).status(), "A has it in memory now");

    Api.Reply edited =
        adminB.put(
            "/api/v1/connections/" + connection,
            Bodies.json(Bodies.connection("several edited", base, Bodies.bearer("second-secret"))));
    assertEquals(200, edited.status(), edited.body());
    Duration followed =
        timeUntil(
            () -> {
              assertEquals(200, agentA.post(path, Bodies.get("/x")).status());
              return "Bearer second-secret".equals(lastAuthorization.get("/edit/x"));
            });
    System.out.println("A followed the edit on B after " + followed.toMillis() + " ms");
    assertTrue(followed.toMillis() <= 1_000, "A follows B's edit within 1 s: " + followed);

    assertEquals(204, adminB.delete("/api/v1/tokens/" + tokenId).status());
    Duration refused = timeUntil(() -> agentA.post(path, Bodies.get("/x")).status() == 401);
    System.out.println("A refused the token revoked on B after " + refused.toMillis() + " ms");
    assertTrue(
        refused.toMillis() <= 1_000, "A refuses the token revoked on B within 1 s: " + refused);
  }

  /** How long until {@code done} holds, tried every 20 ms; fails after 3 s. */
  private static Duration timeUntil(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    Instant since = Instant.now();
    while (Duration.between(since, Instant.now()).toMillis() < 3_000) {
      if (done.getAsBoolean()) {
        return Duration.between(since, Instant.now());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not within 3 s");
  }

  @Test
  @Order(2)
  void aPerTokenLimitCountsTheCallsOfBothInstances() throws Exception {
    Api adminA = a.api(ADMIN);
    Enabled enabled = enable(adminA, "/limit", Bodies.noAuth());
    String value = enabled.token();
    String path = enabled.path();
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      // one call hangs on each instance: the token's 2 in flight
      // (opstower.limits.in-flight-per-token)
      Future<Integer> onA =
          callers.submit(() -> a.api(value).post(path, Bodies.get("/hang")).status());
      awaitHanging(1);
      Future<Integer> onB =
          callers.submit(() -> b.api(value).post(path, Bodies.get("/hang")).status());
      awaitHanging(2);
      for (Instance instance : List.of(a, b)) {
        Api.Reply third = instance.api(value).post(path, Bodies.get("/free"));
        assertEquals(
            429,
            third.status(),
            "the third call of the token, on " + instance.port() + ": " + third.body());
        assertTrue(third.body().contains("in flight"), third.body());
      }
      releaseHanging.countDown();
      assertEquals(200, onA.get(20, TimeUnit.SECONDS));
      assertEquals(200, onB.get(20, TimeUnit.SECONDS));
      assertEquals(200, b.api(value).post(path, Bodies.get("/free")).status(), "slots free again");
    } finally {
      releaseHanging.countDown();
      callers.shutdownNow();
    }
  }

  private static void awaitHanging(int calls) throws InterruptedException {
    Instant end = Instant.now().plusSeconds(10);
    while (hanging.get() < calls && Instant.now().isBefore(end)) {
      Thread.sleep(20);
    }
    assertTrue(hanging.get() >= calls, "only " + hanging.get() + " calls reached the upstream");
  }

  @Test
  @Order(3)
  void signInThrottlingCountsTheFailuresOfBothInstances() throws Exception {
    String username = "guessed-" + UUID.randomUUID();
    for (int attempt = 0; attempt < 5; attempt++) {
      Instance instance = attempt % 2 == 0 ? a : b;
      HttpResponse<String> failed =
          new Visitor(instance.base()).signIn(username, "wrong-" + attempt);
      assertEquals(401, failed.statusCode(), "attempt " + (attempt + 1) + " is checked");
    }
    for (Instance instance : List.of(a, b)) {
      HttpResponse<String> refused = new Visitor(instance.base()).signIn(username, "wrong-again");
      assertEquals(429, refused.statusCode(), "the sixth failure over both instances is refused");
    }
  }

  @Test
  @Order(4)
  void anAccessTokenFetchedByOneInstanceServesTheOther() throws Exception {
    String upstreamBase = "http://127.0.0.1:" + upstream.getAddress().getPort();
    Enabled enabled =
        enable(
            a.api(ADMIN),
            "/oauth-api",
            Bodies.auth("oauth2_client_credentials")
                .add("tokenUrl", upstreamBase + "/oauth/token")
                .add("clientId", "several-client")
                .add("clientSecret", "several-client-secret"));
    Api agentA = a.api(enabled.token());
    Api agentB = b.api(enabled.token());
    List<String> bodies = new ArrayList<>();

    Api.Reply onA = agentA.post(enabled.path(), Bodies.get("/x"));
    assertEquals(200, onA.status(), onA.body());
    Api.Reply onB = agentB.post(enabled.path(), Bodies.get("/x"));
    assertEquals(200, onB.status(), onB.body());
    assertEquals("Bearer several-tok-1", lastAuthorization.get("/oauth-api/x"));
    assertEquals(1, tokenRequests.get(), "B used the token A fetched");

    // the API stops taking the first token: B is refused once, fetches a new one and retries
    firstTokenRevoked.set(true);
    Api.Reply renewed = agentB.post(enabled.path(), Bodies.get("/x"));
    assertEquals(200, renewed.status(), renewed.body());
    assertEquals("Bearer several-tok-2", lastAuthorization.get("/oauth-api/x"));
    assertEquals(2, tokenRequests.get());
    // A still holds the first: refused once, it takes B's new token instead of fetching a third
    Api.Reply followed = agentA.post(enabled.path(), Bodies.get("/x"));
    assertEquals(200, followed.status(), followed.body());
    assertEquals("Bearer several-tok-2", lastAuthorization.get("/oauth-api/x"));
    assertEquals(2, tokenRequests.get(), "A took the token B fetched after the 401");

    bodies.addAll(List.of(onA.body(), onB.body(), renewed.body(), followed.body()));
    bodies.add(a.api(ADMIN).get("/api/v1/connections/" + enabled.connection()).body());
    bodies.add(a.log());
    bodies.add(b.log());
    for (String text : bodies) {
      assertTrue(!text.contains("several-tok-"), "an access token shown: " + tail(text));
      assertTrue(!text.contains("several-client-secret"), "the client secret shown");
    }
  }

  @Test
  @Order(5)
  void killingOneUnderLoadLeavesTheOtherServingWithEveryAcknowledgedWrite() throws Exception {
    Api adminB = b.api(ADMIN);
    Enabled enabled = enable(adminB, "/load", Bodies.noAuth());
    String value = enabled.token();
    String path = enabled.path();

    List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> failuresOnB = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(3);
    List<Future<?>> running = new ArrayList<>();
    running.add(
        load.submit(
            () -> {
              // writes on A until it dies; only a 201 counts as acknowledged
              while (!stop.get() && !killed.get()) {
                try {
                  Api.Reply created =
                      a.api(ADMIN)
                          .post(
                              "/api/v1/agents",
                              Bodies.agent("acked-" + UUID.randomUUID(), "custom"));
                  if (created.status() == 201) {
                    acknowledged.add(created.json().getString("id"));
                  }
                } catch (RuntimeException dying) {
                  // A is being killed
                }
              }
              return null;
            }));
    for (int caller = 0; caller < 2; caller++) {
      running.add(
          load.submit(
              () -> {
                while (!stop.get()) {
                  Instant started = Instant.now();
                  Api.Reply reply = b.api(value).post(path, Bodies.get("/x"));
                  long millis = Duration.between(started, Instant.now()).toMillis();
                  if (reply.status() != 200 || millis > 2_000) {
                    failuresOnB.add(reply.status() + " after " + millis + " ms: " + reply.body());
                  }
                }
                return null;
              }));
    }
    Thread.sleep(3_000);
    int beforeKill = acknowledged.size();
    killed.set(true);
    a.kill9();
    Thread.sleep(6_000); // B alone, still under load
    stop.set(true);
    for (Future<?> each : running) {
      each.get(30, TimeUnit.SECONDS);
    }
    load.shutdown();

    assertTrue(beforeKill > 0, "writes were acknowledged on A before the kill");
    assertEquals(List.of(), failuresOnB, "B kept serving agent calls");
    for (String id : acknowledged) {
      assertEquals(
          200, adminB.get("/api/v1/agents/" + id).status(), "acknowledged on A, present on B");
    }
    Api.Reply written =
        adminB.post("/api/v1/agents", Bodies.agent("after-" + UUID.randomUUID(), "custom"));
    assertEquals(201, written.status(), "B still takes writes: " + written.body());
  }

  private static boolean awaitReady(Instance instance) throws Exception {
    return PayaraProcess.awaitReady(instance.base(), instance.runSh()::isAlive, START);
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
