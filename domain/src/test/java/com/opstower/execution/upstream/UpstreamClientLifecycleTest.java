package com.opstower.execution.upstream;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.answersOk;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.millisSince;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The bounded pool of outbound calls, and what closing the client releases. */
@Isolated // counts the JVM's threads: other classes' clients must not be running
class UpstreamClientLifecycleTest {

  @Test
  void aSaturatedPoolRefusesAtOnceInsteadOfQueueing() throws Exception {
    try (RawUpstream silent =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  RawUpstream.sleep(20_000);
                });
        RawUpstream healthy = new RawUpstream(answersOk());
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofMillis(1500), 1)) {
      CompletableFuture<ProblemCode> first = call(client, silent.url("/"));
      while (silent.heads().isEmpty()) {
        Thread.sleep(10);
      }

      long start = System.nanoTime();
      ProblemException busy =
          assertProblem(
              ProblemCode.RATE_LIMITED,
              () -> client.exchange(get(healthy.url("/")), reader(100), SecretRedactor.none()));
      assertTrue(millisSince(start) < 300, "refused without waiting");
      assertTrue(busy.detail().contains("busy"), busy.detail());
      assertEquals(0, healthy.acceptedConnections());

      assertEquals(ProblemCode.UPSTREAM_TIMEOUT, first.get(5, TimeUnit.SECONDS));
      UpstreamTesting.awaitWorkersFree(client, 1000);
      assertEquals(
          200, client.exchange(get(healthy.url("/")), reader(100), SecretRedactor.none()).status());
    }
  }

  @Test
  void closingStopsWorkerThreadsAndRunningExchanges() throws Exception {
    try (RawUpstream silent =
        new RawUpstream(
            (s, in, out) -> {
              s.readRequest(in);
              RawUpstream.sleep(20_000);
            })) {
      UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(20), 3);
      List<CompletableFuture<ProblemCode>> running =
          List.of(call(client, silent.url("/1")), call(client, silent.url("/2")));
      while (silent.heads().size() < 2) {
        Thread.sleep(10);
      }
      assertTrue(upstreamThreads() > 0);

      long start = System.nanoTime();
      client.close();

      for (CompletableFuture<ProblemCode> call : running) {
        assertEquals(ProblemCode.INTERNAL_ERROR, call.get(3, TimeUnit.SECONDS));
      }
      waitUntil(() -> upstreamThreads() == 0, 3000);
      assertTrue(millisSince(start) < 3000, "closing must not wait for the upstream");
      assertThrows(
          IllegalStateException.class,
          () -> client.exchange(get(silent.url("/3")), reader(100), SecretRedactor.none()));
    }
  }

  @Test
  void rejectsNonsensicalSettings() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new UpstreamClient(LOOPBACK_ALLOWED, Duration.ZERO, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(-1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(15), 0));
  }

  @Test
  void reportsItsTimeout() {
    try (UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(15), 1)) {
      assertEquals(Duration.ofSeconds(15), client.timeout());
    }
  }

  /** Runs a call in the background; completes with its problem code (null on success). */
  private static CompletableFuture<ProblemCode> call(UpstreamClient client, String url) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            client.exchange(get(url), reader(100), SecretRedactor.none());
            return null;
          } catch (ProblemException e) {
            return e.code();
          }
        });
  }

  /** Threads of any upstream client's worker pool or HttpClient's idle-connection evictor. */
  private static long upstreamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("opstower-upstream-") || name.contains("idle-connection"))
        .count();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, long millis)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "condition not met within " + millis + " ms");
      Thread.sleep(20);
    }
  }
}
