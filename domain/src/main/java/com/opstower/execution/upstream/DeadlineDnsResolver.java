package com.opstower.execution.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Bounds a DNS lookup by the deadline of the exchange it serves. A lookup blocks in the operating
 * system's resolver and cannot be aborted like a socket, so it runs on a lookup thread while the
 * exchange's thread waits only until its deadline; a lookup that answers later is discarded (and
 * its thread freed when the resolver gives up). Address literals need no lookup and are resolved on
 * the caller's thread. Only new connections resolve: pooled ones were resolved when opened.
 */
final class DeadlineDnsResolver implements DnsResolver, AutoCloseable {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final DnsResolver delegate;
  private final ThreadPoolExecutor lookups;

  /**
   * @param maxLookups lookups at once; twice as many threads may exist while given-up lookups still
   *     wait for the resolver
   */
  DeadlineDnsResolver(DnsResolver delegate, int maxLookups) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    this.lookups =
        new ThreadPoolExecutor(
            0,
            2 * maxLookups,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread =
                  new Thread(task, "opstower-dns-" + pool + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    UpstreamExchange exchange = UpstreamExchange.current().orElse(null);
    if (exchange == null || isAddressLiteral(host)) {
      return delegate.resolve(host);
    }
    Future<InetAddress[]> answer;
    try {
      answer = lookups.submit(() -> delegate.resolve(host));
    } catch (RejectedExecutionException e) {
      throw new UnknownHostException(host + ": too many DNS lookups are waiting");
    }
    try {
      return answer.get(exchange.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      // the exchange is past its deadline now, which is how the failure is reported
      throw new UnknownHostException(host + ": no DNS answer before the deadline");
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new UnknownHostException(host + ": the DNS lookup was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnknownHostException unknown) {
        throw unknown;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      UnknownHostException failed = new UnknownHostException(host + ": DNS lookup failed");
      failed.initCause(cause);
      throw failed;
    }
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }

  /** IPv6 literals contain a colon; IPv4 literals (in every form Java accepts) digits and dots. */
  static boolean isAddressLiteral(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
