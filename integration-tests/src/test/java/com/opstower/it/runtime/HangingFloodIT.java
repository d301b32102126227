package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.request;
import static com.opstower.it.Bodies.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of agent calls waiting on an upstream that never answers hold no thread of the server: a
 * call to another upstream is not slowed down by them, and nothing else is refused meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
class HangingFloodIT extends RuntimeFixture {

  private static final int FLOOD = 500;

  /** Per-minute limit of a token in arquillian.xml is 60: 10 callers per token stay under it. */
  private static final int CALLERS_PER_TOKEN = 10;

  private static final int PROBES = 15;

  /** Four times the server's 16 request threads. */
  private static final int TOKEN_WAITERS = 64;

  private static final int WAITERS_PER_TOKEN = 8;

  @Test
  void fiveHundredHangingCallsDoNotDelayACallToAnotherUpstreamOrCauseRefusals() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/quick")).willReturn(aResponse().withBody("quick")));
    String quick = connection(upstreamUrl(""), noAuth());
    String quickAgent = agentWith(quick);
    long before = quickMedianMillis(quickAgent, quick);

    try (SilentUpstream silent = new SilentUpstream()) {
      String stuck = connection("http://127.0.0.1:" + silent.port(), noAuth());
      String stuckAgent = agentWith(stuck);
      long during;
      int stillOpen;
      Api.Reply management;
      Api.Reply sameTokenElsewhere;
      Callers flood;
      try (Callers callers =
          new Callers(FLOOD, CALLERS_PER_TOKEN, stuckAgent, stuck, request("GET", "/never"))) {
        flood = callers;
        silent.awaitOpen(FLOOD * 95 / 100, 30);

        during = quickMedianMillis(quickAgent, quick);
        stillOpen = silent.open();
        management = admin.get("/api/v1/connections/" + quick);
        sameTokenElsewhere =
            callers.firstToken().post(callPath(quickAgent, quick), json(request("GET", "/quick")));
      }
      System.out.printf(
          "HangingFloodIT: median %d ms before, %d ms among the flood (%d open)%n",
          before, during, stillOpen);
      assertTrue(
          stillOpen >= FLOOD * 9 / 10,
          "the flood was still waiting while measured: " + stillOpen + " open");
      assertNotSlowedDown(before, during, FLOOD + " hanging calls");
      assertEquals(200, management.status(), management.body());
      assertEquals(200, sameTokenElsewhere.status(), sameTokenElsewhere.body());
      assertEquals(
          java.util.Set.of(504),
          flood.statuses().keySet(),
          "every hanging call ends at the deadline, none is refused: " + flood.statuses());
    }
  }

  /**
   * Four times as many calls as the server has request threads (16, app/src/main/payara/
   * preboot.asadmin) wait for an OAuth access token from an authorization server that never
   * answers: none of them holds a request thread, so a call to another upstream and the readiness
   * check are not slowed down, and every waiting call ends with the token request's deadline.
   */
  @Test
  void callsWaitingForAHangingTokenEndpointHoldNoRequestThread() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/quick")).willReturn(aResponse().withBody("quick")));
    String quick = connection(upstreamUrl(""), noAuth());
    String quickAgent = agentWith(quick);
    long before = quickMedianMillis(quickAgent, quick);

    try (SilentUpstream silent = new SilentUpstream()) {
      String oauth =
          connection(
              upstreamUrl(""),
              com.opstower.it.Bodies.auth("oauth2_client_credentials")
                  .add("tokenUrl", "http://127.0.0.1:" + silent.port() + "/oauth/token")
                  .add("clientId", "flood-client")
                  .add("clientSecret", "flood-secret-" + UUID.randomUUID()));
      String oauthAgent = agentWith(oauth);
      long during;
      long readyMillis;
      Api.Reply ready;
      Callers waiting;
      try (Callers callers =
          new Callers(
              TOKEN_WAITERS, WAITERS_PER_TOKEN, oauthAgent, oauth, request("GET", "/items"))) {
        waiting = callers;
        silent.awaitOpen(1, 30);
        Thread.sleep(500); // the callers' requests are in: all wait for the one token request

        during = quickMedianMillis(quickAgent, quick);
        long readyStarted = System.nanoTime();
        ready = admin.get("/health/ready");
        readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readyStarted);
      }
      System.out.printf(
          "HangingFloodIT: median %d ms before, %d ms among %d calls waiting for a token;"
              + " ready in %d ms%n",
          before, during, TOKEN_WAITERS, readyMillis);
      assertNotSlowedDown(before, during, TOKEN_WAITERS + " calls waiting for a token");
      assertEquals(200, ready.status(), ready.body());
      assertTrue(readyMillis <= 1000, "/health/ready took " + readyMillis + " ms");
      assertEquals(
          java.util.Set.of(504),
          waiting.statuses().keySet(),
          "every waiting call ends at the token request's deadline: " + waiting.statuses());
    }
  }

  private static String callPath(String agent, String connection) {
    return "/api/v1/agents/" + agent + "/connections/" + connection + "/requests";
  }

  /** The median of {@link #PROBES} calls to the quick upstream, after as many to warm up. */
  private long quickMedianMillis(String agent, String connection) {
    medianMillis(() -> call(agent, connection, request("GET", "/quick")));
    return medianMillis(() -> call(agent, connection, request("GET", "/quick")));
  }

  private static void assertNotSlowedDown(long before, long during, String among) {
    assertTrue(
        during - before <= 100,
        "median of a call to another upstream: "
            + before
            + " ms before, "
            + during
            + " ms among "
            + among);
  }

  /**
   * Callers that each call the same agent request again as soon as their call ends, {@code
   * perToken} of them per agent-scope token (the tokens' per-minute limit must not bind); closing
   * stops them and waits until their last calls have ended.
   */
  private final class Callers implements AutoCloseable {
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final List<Api> tokens = new ArrayList<>();

    Callers(int count, int perToken, String agent, String connection, JsonObjectBuilder call) {
      for (int i = 0; i < (count + perToken - 1) / perToken; i++) {
        Api.Reply created =
            admin.post("/api/v1/tokens", token("callers-" + UUID.randomUUID(), "agent"));
        tokens.add(agentApi.withToken(created.json().getString("token")));
      }
      String path = callPath(agent, connection);
      String body = json(call);
      threads = Executors.newFixedThreadPool(count);
      for (int i = 0; i < count; i++) {
        Api api = tokens.get(i / perToken);
        threads.submit(
            () -> {
              while (going.get()) {
                statuses.merge(api.post(path, body).status(), 1, Integer::sum);
              }
            });
      }
    }

    Api firstToken() {
      return tokens.get(0);
    }

    Map<Integer, Integer> statuses() {
      return statuses;
    }

    @Override
    public void close() throws InterruptedException {
      going.set(false);
      threads.shutdown();
      assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "the callers ended");
    }
  }

  /** The median time of {@link #PROBES} calls, each of which must answer 200. */
  private static long medianMillis(java.util.function.Supplier<Api.Reply> probe) {
    long[] millis = new long[PROBES];
    for (int i = 0; i < PROBES; i++) {
      long started = System.nanoTime();
      Api.Reply reply = probe.get();
      millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(200, reply.status(), reply.body());
    }
    Arrays.sort(millis);
    return millis[PROBES / 2];
  }

  /**
   * Accepts every connection and never answers; counts the connections still open (the server
   * closes its side at the deadline).
   */
  private static final class SilentUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger open = new AtomicInteger();

    SilentUpstream() throws IOException {
      server = new ServerSocket(0, 2 * FLOOD, InetAddress.getLoopbackAddress());
      threads.submit(this::acceptLoop);
    }

    int port() {
      return server.getLocalPort();
    }

    int open() {
      return open.get();
    }

    void awaitOpen(int count, int seconds) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (open.get() < count && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertTrue(open.get() >= count, "only " + open.get() + " of " + count + " calls arrived");
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          open.incrementAndGet();
          threads.submit(() -> readUntilClosed(socket));
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void readUntilClosed(Socket socket) {
      try (socket;
          InputStream in = socket.getInputStream()) {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
          // the request, then nothing until the server gives up
        }
      } catch (IOException reset) {
        // the server reset its side: gone too
      } finally {
        open.decrementAndGet();
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      threads.shutdownNow();
    }
  }
}
