package com.opstower.execution.upstream;

import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.DestinationBlockedException;
import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.GuardedDnsResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The non-blocking exchange against real loopback servers: answers, cuts, deadline, threads. */
@Isolated // counts the JVM's threads: other classes' clients must not be running
class NonBlockingExchangesTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private NonBlockingExchanges exchanges(EgressPolicy policy, Duration timeout, int slots) {
    NonBlockingExchanges exchanges =
        new NonBlockingExchanges(new GuardedDnsResolver(policy), timeout, slots);
    open.add(exchanges);
    return exchanges;
  }

  @Test
  void anAnswerArrivesWithStatusHeadersAndBodyAndTheRequestWithTheWireHeaders() throws Exception {
    LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("X-Answer", "yes");
              byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(201, body.length);
              exchange.getResponseBody().write(body);
            });
    open.add(server);
    NonBlockingExchanges.Answer answer =
        exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(5), 4)
            .exchange(get(server.url("/v1/items?x=1")), 100)
            .get(10, TimeUnit.SECONDS);
    assertEquals(201, answer.status());
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), answer.body());
    assertFalse(answer.cut());
    assertTrue(
        answer.headers().stream()
            .anyMatch(h -> h.getName().equalsIgnoreCase("X-Answer") && h.getValue().equals("yes")));
    LoopbackHttpServer.Received received = server.received().get(0);
    assertEquals("GET", received.method());
    assertEquals("/v1/items?x=1", received.rawUri());
    assertEquals("identity", received.headers().getFirst("Accept-Encoding"));
    assertEquals(WireHeaders.USER_AGENT, received.headers().getFirst("User-Agent"));
  }

  /** An answered call's deadline is dropped at once, not kept (with its exchange) until due. */
  @Test
  void answeredCallsLeaveNoDeadlineScheduled() throws Exception {
    LoopbackHttpServer server =
        new LoopbackHttpServer(exchange -> exchange.sendResponseHeaders(204, -1));
    open.add(server);
    NonBlockingExchanges exchanges = exchanges(LOOPBACK_ALLOWED, Duration.ofMinutes(5), 4);
    for (int i = 0; i < 20; i++) {
      assertEquals(
          204, exchanges.exchange(get(server.url("/")), 100).get(10, TimeUnit.SECONDS).status());
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (exchanges.scheduledDeadlines() > 0 && System.nanoTime() < until) {
      Thread.sleep(10); // the cancellation runs as the answer's stage completes
    }
    assertEquals(0, exchanges.scheduledDeadlines());
  }

  /** Session buffers are 4 KB; a head line may still be as long as the blocking client allows. */
  @Test
  void aHeadLineLongerThanTheSessionBufferArrivesWhole() throws Exception {
    String longValue = "v".repeat(ResponseHeadLimits.MAX_LINE_BYTES - 64);
    LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("X-Long", longValue);
              byte[] body = "x".repeat(6_000).getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            });
    open.add(server);
    NonBlockingExchanges.Answer answer =
        exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(5), 4)
            .exchange(get(server.url("/long")), 8_192)
            .get(10, TimeUnit.SECONDS);
    assertEquals(200, answer.status());
    assertEquals(6_000, answer.body().length, "a body over the buffer size, whole");
    assertTrue(
        answer.headers().stream()
            .anyMatch(
                h -> h.getName().equalsIgnoreCase("X-Long") && h.getValue().equals(longValue)));
  }

  /**
   * The body buffer grows as the bytes arrive (a waiting call holds none): a chunked body of many
   * buffers arrives whole and in order, and a body announced by its length is kept exactly.
   */
  @Test
  void bodiesOfUnannouncedAndAnnouncedLengthArriveWholeThroughTheGrowingBuffer() throws Exception {
    byte[] pattern = new byte[20_000];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i % 251);
    }
    LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              boolean chunked = exchange.getRequestURI().getPath().equals("/chunked");
              exchange.sendResponseHeaders(200, chunked ? 0 : pattern.length);
              for (int at = 0; at < pattern.length; at += 777) {
                exchange.getResponseBody().write(pattern, at, Math.min(777, pattern.length - at));
                exchange.getResponseBody().flush();
              }
            });
    open.add(server);
    NonBlockingExchanges exchanges = exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(5), 4);
    for (String path : List.of("/chunked", "/announced")) {
      NonBlockingExchanges.Answer answer =
          exchanges.exchange(get(server.url(path)), 30_000).get(10, TimeUnit.SECONDS);
      assertArrayEquals(pattern, answer.body(), path);
      assertFalse(answer.cut(), path);
    }
    NonBlockingExchanges.Answer cut =
        exchanges.exchange(get(server.url("/chunked")), 5_000).get(10, TimeUnit.SECONDS);
    assertTrue(cut.cut());
    assertArrayEquals(
        java.util.Arrays.copyOf(pattern, 5_000 + NonBlockingExchanges.LOOK_AHEAD), cut.body());
  }

  @Test
  void anEndlessBodyIsCutAtTheCapPlusLookAheadAndTheExchangeEnds() throws Exception {
    RawUpstream server =
        new RawUpstream(
            (upstream, in, out) -> {
              upstream.readRequest(in);
              upstream.write(
                  out,
                  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 999999999\r\n\r\n");
              byte[] chunk = new byte[8192];
              java.util.Arrays.fill(chunk, (byte) 'a');
              while (true) {
                upstream.write(out, chunk);
              }
            });
    open.add(server);
    long started = System.nanoTime();
    NonBlockingExchanges.Answer answer =
        exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(10), 4)
            .exchange(get(server.url("/endless")), 8192)
            .get(10, TimeUnit.SECONDS);
    assertTrue(answer.cut());
    assertEquals(8192 + NonBlockingExchanges.LOOK_AHEAD, answer.body().length);
    assertTrue(UpstreamTesting.millisSince(started) < 5_000, "cut quickly");
    assertTrue(server.sawClientHangUp(5_000), "the exchange was ended, not drained");
  }

  @Test
  void anUpstreamThatNeverAnswersEndsAtTheDeadline() throws Exception {
    SilentServer silent = new SilentServer();
    open.add(silent);
    long started = System.nanoTime();
    CompletableFuture<NonBlockingExchanges.Answer> call =
        exchanges(LOOPBACK_ALLOWED, Duration.ofMillis(500), 4).exchange(get(silent.url()), 100);
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    assertInstanceOf(java.util.concurrent.TimeoutException.class, failed.getCause());
    long took = UpstreamTesting.millisSince(started);
    assertTrue(took >= 450 && took < 3_000, "ended after " + took + " ms");
  }

  @Test
  void fiveHundredWaitingCallsTakeNoThreadEach() throws Exception {
    SilentServer silent = new SilentServer();
    open.add(silent);
    NonBlockingExchanges exchanges = exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(20), 600);
    exchanges.exchange(get(silent.url()), 100); // starts the reactor's threads
    waitFor(() -> silent.accepted() >= 1);
    int before = Thread.activeCount();
    List<CompletableFuture<NonBlockingExchanges.Answer>> calls = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      calls.add(exchanges.exchange(get(silent.url()), 100));
    }
    waitFor(() -> silent.accepted() >= 501);
    int during = Thread.activeCount();
    assertTrue(calls.stream().noneMatch(CompletableFuture::isDone), "all 500 still waiting");
    assertTrue(during - before < 20, "threads before " + before + ", with 500 waiting " + during);
  }

  @Test
  void aBlockedDestinationIsRefusedByTheResolver() throws Exception {
    LoopbackHttpServer server =
        new LoopbackHttpServer(exchange -> exchange.sendResponseHeaders(200, -1));
    open.add(server);
    EgressPolicy noLoopback = new EgressPolicy(true, false, List.of(), List.of());
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () ->
                exchanges(noLoopback, Duration.ofSeconds(5), 4)
                    .exchange(get(server.url("/")), 100)
                    .get(10, TimeUnit.SECONDS));
    assertInstanceOf(DestinationBlockedException.class, rootCause(failed));
    assertTrue(server.received().isEmpty(), "nothing reached the upstream");
  }

  @Test
  void whenEverySlotIsTakenTheNextCallIsRefusedAtOnce() throws Exception {
    SilentServer silent = new SilentServer();
    open.add(silent);
    NonBlockingExchanges exchanges = exchanges(LOOPBACK_ALLOWED, Duration.ofSeconds(20), 1);
    exchanges.exchange(get(silent.url()), 100);
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> exchanges.exchange(get(silent.url()), 100).get(1, TimeUnit.SECONDS));
    assertInstanceOf(NonBlockingExchanges.BusyException.class, refused.getCause());
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }

  /** Accepts connections on one thread and never answers: waiting calls cost it no thread. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
      acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    connections.add(socket.accept());
                  }
                } catch (IOException closed) {
                  // done
                }
              },
              "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/wait";
    }

    int accepted() {
      return connections.size();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : connections) {
        connection.close();
      }
    }
  }
}
