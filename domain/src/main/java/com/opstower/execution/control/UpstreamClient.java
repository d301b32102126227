package com.opstower.execution.control;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.ws.rs.client.Client;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one outbound HTTP adapter (security.md §3–5): sends an {@link UpstreamRequest} through the
 * egress-guarded Jersey client ({@link UpstreamJerseyClient}) and reads a capped, redacted
 * response. One instance is shared by all calls.
 *
 * <p>Each exchange runs on a bounded pool of worker threads while the caller waits at most the
 * total deadline, which covers DNS, connect, TLS, sending, headers and body. At the deadline the
 * exchange is aborted (its socket closed) so that the worker is freed too, whatever the upstream
 * does: never answer, trickle a byte every few seconds, or send an endless body. When every worker
 * is busy a call is refused at once rather than queued behind slow upstreams.
 */
public final class UpstreamClient implements AutoCloseable {

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final Duration IDLE_WORKER_LIFETIME = Duration.ofSeconds(30);

  private final Duration timeout;
  private final int maxConcurrentCalls;
  private final Client client;
  private final ThreadPoolExecutor workers;
  private final Semaphore slots;
  private final Set<UpstreamExchange> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param timeout the total deadline of one exchange (the product default is 15 s)
   * @param maxConcurrentCalls how many exchanges may run at once; more are refused with {@code
   *     RATE_LIMITED}
   */
  public UpstreamClient(EgressPolicy policy, Duration timeout, int maxConcurrentCalls) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be between 1 ms and 1 hour: " + timeout);
    }
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be positive");
    }
    this.timeout = timeout;
    this.maxConcurrentCalls = maxConcurrentCalls;
    this.slots = new Semaphore(maxConcurrentCalls);
    // The semaphore bounds the work; the queue only bridges the moment between a worker finishing
    // one exchange and taking the next, so it never holds more than maxConcurrentCalls tasks.
    this.workers =
        new ThreadPoolExecutor(
            maxConcurrentCalls,
            maxConcurrentCalls,
            IDLE_WORKER_LIFETIME.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new WorkerThreads());
    workers.allowCoreThreadTimeOut(true);
    this.client = UpstreamJerseyClient.build(policy, timeout, maxConcurrentCalls);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * @throws ProblemException {@code DESTINATION_BLOCKED}, {@code UPSTREAM_UNREACHABLE}, {@code
   *     UPSTREAM_TIMEOUT} or {@code RATE_LIMITED}
   * @throws IllegalStateException after {@link #close()}
   */
  public UpstreamResponse exchange(
      UpstreamRequest request, ResponseReader reader, SecretRedactor redactor) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(redactor, "redactor");
    long start = System.nanoTime();
    UpstreamExchange exchange =
        new UpstreamExchange(start + timeout.toNanos(), WireHeaders.of(request));
    if (closed) {
      throw new IllegalStateException("The upstream client is closed.");
    }
    if (!slots.tryAcquire()) {
      throw UpstreamFailures.busy(maxConcurrentCalls);
    }
    Future<UpstreamResponse> result;
    inFlight.add(exchange);
    try {
      result =
          workers.submit(
              () -> {
                try {
                  return exchange.runOnThisThread(
                      () ->
                          UpstreamCall.perform(client, exchange, request, reader, redactor, start));
                } finally {
                  inFlight.remove(exchange);
                  slots.release();
                }
              });
    } catch (RejectedExecutionException e) {
      inFlight.remove(exchange);
      slots.release();
      throw new IllegalStateException("The upstream client is closed.");
    }
    return await(result, exchange, request, start);
  }

  private UpstreamResponse await(
      Future<UpstreamResponse> result,
      UpstreamExchange exchange,
      UpstreamRequest request,
      long start) {
    try {
      long left = timeout.toNanos() - (System.nanoTime() - start);
      return result.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.abort();
      throw UpstreamFailures.timeout(timeout);
    } catch (ExecutionException e) {
      exchange.abort();
      if (closed) {
        // close() aborted it; whatever the client stack threw then says nothing about the API
        throw shuttingDown();
      }
      throw UpstreamFailures.toProblem(e.getCause(), request, timeout, exchange.pastDeadline());
    } catch (InterruptedException e) {
      exchange.abort();
      Thread.currentThread().interrupt();
      throw new ProblemException(
          ProblemCode.INTERNAL_ERROR, "The call to the API was interrupted.");
    }
  }

  private static ProblemException shuttingDown() {
    return new ProblemException(
        ProblemCode.INTERNAL_ERROR, "The server is shutting down; the call to the API stopped.");
  }

  /** Exchanges running right now; for tests and monitoring. */
  int callsInProgress() {
    return maxConcurrentCalls - slots.availablePermits();
  }

  /** Aborts running exchanges, stops the workers and closes the client with its connections. */
  @Override
  public void close() {
    closed = true;
    inFlight.forEach(UpstreamExchange::abort);
    workers.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    client.close();
  }

  /** Named daemon threads: visible in thread dumps, and never keeping the JVM alive. */
  private static final class WorkerThreads implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int pool = POOLS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread =
          new Thread(task, "opstower-upstream-" + pool + "-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
