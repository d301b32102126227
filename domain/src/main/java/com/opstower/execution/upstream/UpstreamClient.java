package com.opstower.execution.upstream;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.GuardedDnsResolver;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ResponseReader;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one outbound HTTP adapter (docs/security.md §3–5): sends an {@link UpstreamRequest} through
 * the egress-guarded Jersey client ({@link UpstreamJerseyClient}) and reads a capped, redacted
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

  /** A watchdog that has not run for this long is dead or starved, and is replaced. */
  private static final Duration WATCHDOG_SILENT_AT_MOST = Duration.ofSeconds(2);

  private static final AtomicInteger WATCHDOGS = new AtomicInteger();

  private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

  private final Duration timeout;
  private final int maxConcurrentCalls;
  private final DeadlineDnsResolver dns;
  private final Semaphore slots;
  private final Set<UpstreamExchange> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rebuilds = new AtomicInteger();
  private volatile ClientStack stack;
  private volatile ScheduledExecutorService watchdog;
  private volatile long watchdogRanAt = System.nanoTime();
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
    this.watchdog = startWatchdog();
    this.stack = UpstreamJerseyClient.build(dns, timeout, maxConcurrentCalls);
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
    if (closed) {
      throw new IllegalStateException("The upstream client is closed.");
    }
    if (!slots.tryAcquire()) {
      throw UpstreamFailures.busy(maxConcurrentCalls);
    }
    try {
      UpstreamExchange first =
          new UpstreamExchange(start + timeout.toNanos(), WireHeaders.of(request));
      try {
        return attempt(first, request, reader, redactor, start);
      } catch (StaleConnection stale) {
        // the pooled connection had been closed by the upstream before the request went out:
        // once more, on a new connection, within the same deadline
        UpstreamExchange second =
            new UpstreamExchange(start + timeout.toNanos(), WireHeaders.of(request));
        try {
          return attempt(second, request, reader, redactor, start);
        } catch (StaleConnection again) {
          throw again.problem;
        }
      }
    } finally {
      slots.release();
    }
  }

  /** One try on the current client generation. */
  private UpstreamResponse attempt(
      UpstreamExchange exchange,
      UpstreamRequest request,
      ResponseReader reader,
      SecretRedactor redactor,
      long start) {
    ClientStack current = enterStack();
    inFlight.add(exchange);
    try {
      return exchange.runOnThisThread(
          () -> UpstreamCall.perform(current.client(), exchange, request, reader, redactor, start));
    } catch (Exception failure) {
      exchange.abort();
      if (closed) {
        // close() aborted it; whatever the client stack threw then says nothing about the API
        throw shuttingDown();
      }
      if (!current.usable()) {
        replace(current, "it was closed during an exchange");
      }
      ProblemException problem =
          UpstreamFailures.toProblem(
              failure, request, timeout, exchange.pastDeadline(), exchange.sawResponseHead());
      if (isStale(failure, exchange, request)) {
        throw new StaleConnection(problem);
      }
      throw problem;
    } catch (Error error) {
      // One answer must not cost the others (docs/security.md §9): whatever the libraries did when
      // the
      // error went through them (a lease never returned, a pool closed), the next call gets a new
      // client. Errors the JVM cannot recover from still propagate.
      exchange.abort();
      if (error instanceof VirtualMachineError
          && !(error instanceof OutOfMemoryError)
          && !(error instanceof StackOverflowError)) {
        throw error;
      }
      replace(current, error.getClass().getSimpleName() + " during an exchange");
      throw UpstreamFailures.answerTooLargeToProcess(request, error);
    } finally {
      inFlight.remove(exchange);
      current.leave();
    }
  }

  /**
   * A request that provably never reached the upstream: it went out on a pooled connection (no
   * socket was opened for it), nothing came back, and the method may be repeated (RFC 9110 §9.2.2)
   * in case the upstream read it before closing after all.
   */
  private static boolean isStale(Throwable failure, UpstreamExchange exchange, UpstreamRequest r) {
    return !exchange.openedConnection()
        && !exchange.sawResponseHead()
        && !exchange.pastDeadline()
        && r.method().isIdempotent()
        && UpstreamFailures.closedBeforeAnswering(failure);
  }

  /** A stale pooled connection: retried once by {@link #exchange}. */
  private static final class StaleConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ProblemException problem;

    StaleConnection(ProblemException problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }

  private ClientStack enterStack() {
    while (true) {
      ClientStack current = stack;
      if (!current.usable()) {
        replace(current, "it was found closed");
        continue;
      }
      if (current.enter()) {
        return current;
      }
    }
  }

  /** Replaces {@code broken} with a new generation, once, however many threads notice it. */
  private synchronized void replace(ClientStack broken, String why) {
    if (stack != broken || closed) {
      return;
    }
    LOG.log(Level.WARNING, "The outbound HTTP client was unusable ({0}); built a new one.", why);
    stack = UpstreamJerseyClient.build(dns, timeout, maxConcurrentCalls);
    rebuilds.incrementAndGet();
    broken.retire();
  }

  /**
   * Whether new exchanges can run right now; a broken client or a dead watchdog is repaired by the
   * check, so readiness reports the fault once and then recovers.
   *
   * @return empty when usable, else what was wrong (and has been repaired)
   */
  public Optional<String> checkAndRepair() {
    if (closed) {
      return Optional.of("the outbound HTTP client is closed");
    }
    String fault = null;
    ClientStack current = stack;
    if (!current.usable()) {
      replace(current, "found by the readiness check");
      fault = "the outbound HTTP client was unusable and has been rebuilt";
    }
    if (System.nanoTime() - watchdogRanAt > WATCHDOG_SILENT_AT_MOST.toNanos()) {
      restartWatchdog();
      fault = (fault == null ? "" : fault + "; ") + "the deadline watchdog had stopped";
    }
    return Optional.ofNullable(fault);
  }

  /** How often the client was rebuilt since start; for readiness data and tests. */
  public int rebuilds() {
    return rebuilds.get();
  }

  private ScheduledExecutorService startWatchdog() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread =
                  new Thread(task, "opstower-upstream-watchdog-" + WATCHDOGS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    watchdogRanAt = System.nanoTime();
    executor.scheduleWithFixedDelay(
        this::abortOverdue, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return executor;
  }

  private synchronized void restartWatchdog() {
    if (closed) {
      return;
    }
    LOG.warning("The upstream deadline watchdog had stopped; started a new one.");
    watchdog.shutdownNow();
    watchdog = startWatchdog();
  }

  /** Never throws: a periodic task that throws is silently never run again. */
  private void abortOverdue() {
    watchdogRanAt = System.nanoTime();
    for (UpstreamExchange exchange : inFlight) {
      try {
        if (exchange.pastDeadline()) {
          exchange.abort();
        }
      } catch (RuntimeException | Error failure) {
        LOG.log(Level.WARNING, "Could not abort an overdue exchange", failure);
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

  /** The current client generation; for tests. */
  ClientStack currentStack() {
    return stack;
  }

  /** Aborts running exchanges, stops the watchdog and closes the client with its connections. */
  @Override
  public void close() {
    closed = true;
    inFlight.forEach(UpstreamExchange::abort);
    watchdog.shutdownNow();
    stack.close();
    dns.close();
  }
}
