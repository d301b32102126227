package com.opstower.execution.control;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.GuardedDnsResolver;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.ws.rs.client.Client;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one outbound HTTP adapter (security.md §3–5): sends an {@link UpstreamRequest} through the
 * egress-guarded Jersey client ({@link UpstreamJerseyClient}) and reads a capped, redacted
 * response. One instance is shared by all calls.
 *
 * <p>An exchange runs on the caller's thread; at most {@code maxConcurrentCalls} run at once, and a
 * call beyond that is refused at once rather than queued behind slow upstreams. The total deadline
 * covers DNS, connect, TLS, sending, headers and body: a watchdog thread aborts every exchange past
 * its deadline (closing its socket), whatever the upstream does — never answer, trickle a byte
 * every few seconds, or send an endless body — and a DNS lookup is waited for only until the
 * deadline ({@link DeadlineDnsResolver}). Running on the caller's thread instead of handing each
 * exchange to a worker pool saves two thread hand-offs per call.
 */
public final class UpstreamClient implements AutoCloseable {

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** How often the watchdog looks for exchanges past their deadline: the deadline's precision. */
  private static final Duration WATCH_EVERY = Duration.ofMillis(25);

  private static final AtomicInteger WATCHDOGS = new AtomicInteger();

  private final Duration timeout;
  private final int maxConcurrentCalls;
  private final Client client;
  private final DeadlineDnsResolver dns;
  private final ScheduledExecutorService watchdog;
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
    this.dns = new DeadlineDnsResolver(new GuardedDnsResolver(policy), maxConcurrentCalls);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread =
                  new Thread(task, "opstower-upstream-watchdog-" + WATCHDOGS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    watchdog.scheduleWithFixedDelay(
        this::abortOverdue, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    this.client = UpstreamJerseyClient.build(dns, timeout, maxConcurrentCalls);
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
    inFlight.add(exchange);
    try {
      return exchange.runOnThisThread(
          () -> UpstreamCall.perform(client, exchange, request, reader, redactor, start));
    } catch (Exception failure) {
      exchange.abort();
      if (closed) {
        // close() aborted it; whatever the client stack threw then says nothing about the API
        throw shuttingDown();
      }
      throw UpstreamFailures.toProblem(failure, request, timeout, exchange.pastDeadline());
    } finally {
      inFlight.remove(exchange);
      slots.release();
    }
  }

  private void abortOverdue() {
    for (UpstreamExchange exchange : inFlight) {
      if (exchange.pastDeadline()) {
        exchange.abort();
      }
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

  /** Aborts running exchanges, stops the watchdog and closes the client with its connections. */
  @Override
  public void close() {
    closed = true;
    inFlight.forEach(UpstreamExchange::abort);
    watchdog.shutdownNow();
    client.close();
    dns.close();
  }
}
