package com.opstower.execution.upstream;

import com.opstower.execution.request.UpstreamRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Upstream exchanges on non-blocking I/O (HttpClient 5's async client, two I/O threads): a call
 * waiting for its upstream holds a socket and a few objects, never a thread. The building block of
 * the scalable executor (issue 11), with the blocking client's rules: the guarded DNS resolver
 * chooses the address, the same head limits, HTTP/1.1 only, no redirects, retries, cookies or
 * decompression, one total deadline, at most {@code maxBytes} plus a look-ahead of the body kept,
 * after which the exchange is cancelled and its connection discarded.
 *
 * <p>Not yet used by the agent runtime: {@link UpstreamClient} is, until this path also names every
 * broken answer as {@link UpstreamFailures} does.
 */
public final class NonBlockingExchanges implements AutoCloseable {

  /** What arrived: the status, the head's fields, at most the cap plus look-ahead of the body. */
  public record Answer(int status, List<Header> headers, byte[] body, boolean cut) {}

  /** Bytes read past the cap, to know that there was more. */
  static final int LOOK_AHEAD = 1;

  private final CloseableHttpAsyncClient client;
  private final ScheduledExecutorService deadlines;
  private final Semaphore slots;
  private final Duration timeout;
  private final int maxConcurrentCalls;

  public NonBlockingExchanges(DnsResolver dns, Duration timeout, int maxConcurrentCalls) {
    this.timeout = timeout;
    this.maxConcurrentCalls = maxConcurrentCalls;
    this.slots = new Semaphore(maxConcurrentCalls);
    Timeout deadline = Timeout.ofMilliseconds(timeout.toMillis());
    PoolingAsyncClientConnectionManager pool =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setDnsResolver(dns)
            .setMaxConnTotal(maxConcurrentCalls)
            .setMaxConnPerRoute(maxConcurrentCalls)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(deadline)
                    .setSocketTimeout(deadline)
                    .build())
            .setDefaultTlsConfig(
                TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
            .build();
    this.client =
        HttpAsyncClients.custom()
            .setConnectionManager(pool)
            .setHttp1Config(UpstreamJerseyClient.HEAD_LIMITS)
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            .build();
    client.start();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "opstower-nonblocking-deadlines");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Sends {@code request}; the stage completes with the answer, or exceptionally with a {@link
   * TimeoutException} at the deadline, the resolver's refusal, or the I/O failure. Completes at
   * once with {@link BusyException} when {@code maxConcurrentCalls} exchanges are running.
   */
  public CompletableFuture<Answer> exchange(UpstreamRequest request, int maxBytes) {
    CompletableFuture<Answer> result = new CompletableFuture<>();
    if (!slots.tryAcquire()) {
      result.completeExceptionally(new BusyException(maxConcurrentCalls));
      return result;
    }
    result.whenComplete((answer, failure) -> slots.release());
    SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method().name());
    builder.setUri(request.uri());
    WireHeaders.of(request).headers().forEach(builder::addHeader);
    if (request.body().isPresent()) {
      builder.setBody(request.body().bytes(), ContentType.parse(request.body().contentType()));
    }
    CappedConsumer consumer = new CappedConsumer(maxBytes, result);
    Future<Answer> sent =
        client.execute(
            SimpleRequestProducer.create(builder.build()),
            consumer,
            new FutureCallback<>() {
              @Override
              public void completed(Answer answer) {
                result.complete(answer);
              }

              @Override
              public void failed(Exception failure) {
                result.completeExceptionally(failure);
              }

              @Override
              public void cancelled() {
                result.completeExceptionally(new TimeoutException("cancelled"));
              }
            });
    // Cut answers and the deadline both end the exchange: its connection is closed, not reused.
    consumer.onCut(() -> sent.cancel(true));
    var timer =
        deadlines.schedule(
            () -> {
              if (result.completeExceptionally(
                  new TimeoutException("no complete answer within " + timeout))) {
                sent.cancel(true);
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete((answer, failure) -> timer.cancel(false));
    return result;
  }

  @Override
  public void close() {
    // the reactor threads close their own sessions; closing them from here at once races with
    // the reactor's event loop
    client.initiateShutdown();
    try {
      client.awaitShutdown(TimeValue.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close(CloseMode.IMMEDIATE);
    deadlines.shutdownNow();
  }

  /** All slots taken: the caller answers 429 without queueing. */
  public static final class BusyException extends Exception {
    private static final long serialVersionUID = 1L;

    BusyException(int slots) {
      super("all " + slots + " upstream slots are in use");
    }
  }

  /** Keeps the head and at most {@code maxBytes + LOOK_AHEAD} of the body. */
  private static final class CappedConsumer implements AsyncResponseConsumer<Answer> {

    private final int limit;
    private final CompletableFuture<Answer> result;
    private final ByteBuffer kept;
    private volatile HttpResponse head;
    private volatile FutureCallback<Answer> callback;
    private volatile Runnable cut = () -> {};
    private int interim;

    CappedConsumer(int maxBytes, CompletableFuture<Answer> result) {
      this.limit = maxBytes + LOOK_AHEAD;
      this.result = result;
      this.kept = ByteBuffer.allocate(limit);
    }

    void onCut(Runnable action) {
      cut = action;
      if (result.isDone()) {
        action.run();
      }
    }

    @Override
    public void consumeResponse(
        HttpResponse response,
        EntityDetails entity,
        HttpContext context,
        FutureCallback<Answer> resultCallback)
        throws HttpException, IOException {
      this.head = response;
      this.callback = resultCallback;
      if (entity == null) {
        resultCallback.completed(answer(false));
      }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context)
        throws HttpException {
      if (++interim > ResponseHeadLimits.MAX_INTERIM_ANSWERS) {
        throw new HttpException("more than " + ResponseHeadLimits.MAX_INTERIM_ANSWERS + " 1xx");
      }
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      capacityChannel.update(Math.max(1, kept.remaining()));
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      if (result.isDone()) {
        return;
      }
      int take = Math.min(src.remaining(), kept.remaining());
      ByteBuffer slice = src.slice();
      slice.limit(take);
      kept.put(slice);
      src.position(src.position() + take);
      if (!kept.hasRemaining()) {
        callback.completed(answer(true));
        cut.run();
      }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      if (callback != null) {
        callback.completed(answer(false));
      }
    }

    @Override
    public void failed(Exception cause) {
      result.completeExceptionally(cause);
    }

    @Override
    public void releaseResources() {
      // the kept bytes belong to the answer
    }

    private Answer answer(boolean cutShort) {
      byte[] body = new byte[kept.position()];
      kept.duplicate().flip().get(body);
      return new Answer(
          head.getCode(), new ArrayList<>(List.of(head.getHeaders())), body, cutShort);
    }
  }
}
