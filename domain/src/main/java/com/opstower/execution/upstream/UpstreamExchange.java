package com.opstower.execution.upstream;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The state of one upstream exchange that another thread (the deadline watchdog, or {@code
 * close()}) needs to stop it: the deadline, the HttpClient request (whose {@code cancel()} discards
 * the leased connection and so closes its socket) and every socket opened for the exchange (a
 * fallback for the connect and TLS phase, should a request never reach the exec interceptor).
 *
 * <p>A per-read socket timeout cannot stop an upstream that trickles a byte every few seconds, and
 * closing the response stream would drain an endless body; closing the socket is what ends a read
 * that is blocked or would never finish. The thread running the exchange publishes it in a
 * thread-local so that HttpClient's exec interceptor, the socket factories and the DNS resolver,
 * which run on that thread deep inside Jersey, can register with it.
 */
final class UpstreamExchange {

  private static final ThreadLocal<UpstreamExchange> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final WireHeaders wireHeaders;
  private final List<Socket> sockets = new ArrayList<>(2);
  private final ResponseHeadLimits headLimits = new ResponseHeadLimits();
  private Cancellable request;
  private boolean aborted;
  private boolean finished;
  private boolean responseHeadArrived;

  UpstreamExchange(long deadlineNanos, WireHeaders wireHeaders) {
    this.deadlineNanos = deadlineNanos;
    this.wireHeaders = wireHeaders;
  }

  /** The exchange the current thread is running, if any. */
  static Optional<UpstreamExchange> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} with this exchange published to the current thread. */
  <T> T runOnThisThread(ThrowingSupplier<T> work) throws Exception {
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      CURRENT.remove();
    }
  }

  WireHeaders wireHeaders() {
    return wireHeaders;
  }

  ResponseHeadLimits headLimits() {
    return headLimits;
  }

  /** Whether the exchange opened a socket of its own; false means it ran on a pooled connection. */
  synchronized boolean openedConnection() {
    return !sockets.isEmpty();
  }

  synchronized boolean sawResponseHead() {
    return responseHeadArrived;
  }

  /** Milliseconds left until the deadline, at least 1 (0 would mean "no timeout" to HttpClient). */
  int remainingMillis() {
    long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  /** Nanoseconds left until the deadline, at least 0. */
  long remainingNanos() {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  boolean pastDeadline() {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  /** Called by the exec interceptor once HttpClient has the request that owns the connection. */
  void attach(Cancellable httpRequest) {
    boolean cancelNow;
    synchronized (this) {
      request = httpRequest;
      cancelNow = aborted;
    }
    if (cancelNow) {
      httpRequest.cancel();
    }
  }

  /** Called by the socket factories for every socket opened while this exchange runs. */
  void track(Socket socket) {
    boolean closeNow;
    synchronized (this) {
      sockets.add(socket);
      closeNow = aborted;
    }
    if (closeNow) {
      closeQuietly(socket);
    }
  }

  /**
   * From the response head on, HttpClient may hand the connection back to the pool (a response
   * without a body, or the body's end) before this exchange learns of it; closing its socket then
   * could break the next exchange on that connection. Cancelling the request stays safe: it only
   * affects a connection the request still holds.
   */
  synchronized void responseHeadArrived() {
    responseHeadArrived = true;
  }

  /**
   * Marks the body as read to its end (HttpClient has then released the connection for reuse): a
   * deadline that passes now has nothing left to stop.
   *
   * @return false if the exchange was aborted first
   */
  synchronized boolean finish() {
    if (aborted) {
      return false;
    }
    finished = true;
    return true;
  }

  /**
   * Stops the exchange from any thread: cancels the request (HttpClient then closes the connection
   * it holds) and, while no response has arrived, closes the sockets opened for it. Idempotent.
   */
  void abort() {
    Cancellable toCancel;
    List<Socket> toClose;
    synchronized (this) {
      if (aborted || finished) {
        return;
      }
      aborted = true;
      toCancel = request;
      toClose = responseHeadArrived ? List.of() : List.copyOf(sockets);
    }
    if (toCancel != null) {
      toCancel.cancel();
    }
    toClose.forEach(UpstreamExchange::closeQuietly);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException | RuntimeException e) {
      // the socket is unusable either way; the exchange sees the failure on its next read
    }
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
