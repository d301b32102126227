package com.opstower.execution.upstream;

import jakarta.ws.rs.client.Client;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.glassfish.jersey.client.JerseyClient;

/**
 * One generation of the outbound client: the Jersey client and the connection pool it owns. {@link
 * UpstreamClient} replaces a generation that became unusable (docs/security.md §9) without breaking
 * the exchanges still running on it: a retired generation is closed when its last exchange ends.
 */
final class ClientStack {

  private final Client client;
  private final PoolingHttpClientConnectionManager pool;
  private final AtomicBoolean poolClosed;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicBoolean retired = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  ClientStack(Client client, PoolingHttpClientConnectionManager pool, AtomicBoolean poolClosed) {
    this.client = client;
    this.pool = pool;
    this.poolClosed = poolClosed;
  }

  Client client() {
    return client;
  }

  /**
   * Whether new exchanges can run on it: neither the pool nor the client was closed (by anyone —
   * HttpClient and Jersey close them on some failures of their own).
   */
  boolean usable() {
    return !closed.get()
        && !poolClosed.get()
        && !(client instanceof JerseyClient jersey && jersey.isClosed());
  }

  /** Marks one more exchange on this generation; false if it was retired meanwhile. */
  boolean enter() {
    users.incrementAndGet();
    if (retired.get()) {
      leave();
      return false;
    }
    return true;
  }

  void leave() {
    if (users.decrementAndGet() == 0 && retired.get()) {
      close();
    }
  }

  /** No new exchanges; closed as soon as the running ones have ended. */
  void retire() {
    retired.set(true);
    if (users.get() == 0) {
      close();
    }
  }

  /** Connections leased right now; for tests and monitoring. */
  int leasedConnections() {
    return poolClosed.get() ? 0 : pool.getTotalStats().getLeased();
  }

  /** Test hook: closes the pool under the client, as a failing library might. */
  void closePoolBehindTheClientsBack() {
    pool.close();
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        client.close();
      } finally {
        pool.close();
      }
    }
  }
}
