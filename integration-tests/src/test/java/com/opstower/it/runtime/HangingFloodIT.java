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

  @Test
  void fiveHundredHangingCallsDoNotDelayACallToAnotherUpstreamOrCauseRefusals() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/quick")).willReturn(aResponse().withBody("quick")));
    String quick = connection(upstreamUrl(""), noAuth());
    String quickAgent = agentWith(quick);
    medianMillis(() -> call(quickAgent, quick, request("GET", "/quick"))); // warm-up
    long before = medianMillis(() -> call(quickAgent, quick, request("GET", "/quick")));

    try (SilentUpstream silent = new SilentUpstream()) {
      String stuck = connection("http://127.0.0.1:" + silent.port(), noAuth());
      String stuckAgent = agentWith(stuck);
      List<Api> floodTokens = new ArrayList<>();
      for (int i = 0; i < FLOOD / CALLERS_PER_TOKEN; i++) {
        Api.Reply created =
            admin.post("/api/v1/tokens", token("flood-" + UUID.randomUUID(), "agent"));
        floodTokens.add(agentApi.withToken(created.json().getString("token")));
      }
      String path = "/api/v1/agents/" + stuckAgent + "/connections/" + stuck + "/requests";
      String body = json(request("GET", "/never"));

      AtomicBoolean flooding = new AtomicBoolean(true);
      Map<Integer, Integer> floodStatuses = new ConcurrentHashMap<>();
      ExecutorService callers = Executors.newFixedThreadPool(FLOOD);
      try {
        for (int i = 0; i < FLOOD; i++) {
          Api api = floodTokens.get(i / CALLERS_PER_TOKEN);
          callers.submit(
              () -> {
                // each caller calls again as soon as its call ends at the deadline (504)
                while (flooding.get()) {
                  floodStatuses.merge(api.post(path, body).status(), 1, Integer::sum);
                }
              });
        }
        silent.awaitOpen(FLOOD * 95 / 100, 30);

        long during = medianMillis(() -> call(quickAgent, quick, request("GET", "/quick")));
        int stillOpen = silent.open();
        Api.Reply management = admin.get("/api/v1/connections/" + quick);
        Api.Reply sameTokenElsewhere =
            floodTokens
                .get(0)
                .post(
                    "/api/v1/agents/" + quickAgent + "/connections/" + quick + "/requests",
                    json(request("GET", "/quick")));

        System.out.printf(
            "HangingFloodIT: median %d ms before, %d ms among the flood (%d open)%n",
            before, during, stillOpen);
        assertTrue(
            stillOpen >= FLOOD * 9 / 10,
            "the flood was still waiting while measured: " + stillOpen + " open");
        assertTrue(
            during - before <= 100,
            "median of a call to another upstream: "
                + before
                + " ms before, "
                + during
                + " ms among "
                + FLOOD
                + " hanging calls");
        assertEquals(200, management.status(), management.body());
        assertEquals(200, sameTokenElsewhere.status(), sameTokenElsewhere.body());
      } finally {
        flooding.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS), "the flood ended");
      }
      assertEquals(
          java.util.Set.of(504),
          floodStatuses.keySet(),
          "every hanging call ends at the deadline, none is refused: " + floodStatuses);
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
