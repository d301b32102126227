package com.opstower.execution.upstream;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
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
 * <p>The agent runtime's path by default ({@code opstower.executor.non-blocking=true}); it names
 * every broken answer as {@link UpstreamClient} does (same {@link UpstreamFailures}, an I/O failure
 * after the head read as a body failure, a close before any head as no response), and retries a
 * stale pooled connection once for idempotent methods, like it. Test Connection and the docs fetch
 * stay on {@link UpstreamClient}. Host names are resolved by the guarded resolver in the thread
 * that asks for a new connection: the calling request thread, or an I/O thread when a waiting lease
 * is served.
 */
public final class NonBlockingExchanges implements AutoCloseable {

  /** What arrived: the status, the head's fields, at most the cap plus look-ahead of the body. */
  public record Answer(int status, List<Header> headers, byte[] body, boolean cut) {}

  /**
   * The head limits of the blocking client, with 4 KB session buffers instead of 8 KB: each open
   * connection keeps one for input and one for output, and with thousands of calls waiting at once
   * those buffers were a large part of the heap (an answer is capped at a few KB anyway).
   */
  static final org.apache.hc.core5.http.config.Http1Config SESSION_BUFFERS =
      org.apache.hc.core5.http.config.Http1Config.copy(UpstreamJerseyClient.HEAD_LIMITS)
          .setBufferSize(4096)
          .build();

  /** Bytes read past the cap, to know that there was more. */
  static final int LOOK_AHEAD = 1;

  /** The first body buffer when the upstream announces no length. */
  static final int FIRST_BUFFER = 2048;

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final CloseableHttpAsyncClient client;
  private final ScheduledExecutorService deadlines;

  /** Reading, charset decoding and redaction of finished answers: short CPU work, never I/O. */
  private final ExecutorService cpu =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          runnable -> {
            Thread thread = new Thread(runnable, "opstower-nonblocking-read");
            thread.setDaemon(true);
            return thread;
          });

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
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
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
            .setHttp1Config(SESSION_BUFFERS)
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            .build();
    client.start();
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "opstower-nonblocking-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // An answered call's timer leaves the queue at once: kept until its deadline, each held the
    // finished exchange (buffers, answer) for the whole total deadline — thousands of them.
    timers.setRemoveOnCancelPolicy(true);
    this.deadlines = timers;
  }

  /** How many deadlines are still scheduled: one per exchange that has not ended. */
  int scheduledDeadlines() {
    return ((ScheduledThreadPoolExecutor) deadlines).getQueue().size();
  }

  /**
   * Sends {@code request}; the stage completes with the answer, or exceptionally with a {@link
   * TimeoutException} at the deadline, the resolver's refusal, or the I/O failure. Completes at
   * once with {@link BusyException} when {@code maxConcurrentCalls} exchanges are running.
   */
  public CompletableFuture<Answer> exchange(UpstreamRequest request, int maxBytes) {
    return exchange(request, maxBytes, timeout);
  }

  private CompletableFuture<Answer> exchange(
      UpstreamRequest request, int maxBytes, Duration budget) {
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
                result.completeExceptionally(consumer.tagged(failure));
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
            Math.max(1, budget.toMillis()),
            TimeUnit.MILLISECONDS);
    result.whenComplete((answer, failure) -> timer.cancel(false));
    return result;
  }

  /**
   * An upstream exchange as the agent runtime needs it: the answer read, capped and redacted by
   * {@code reader} on a CPU thread, or a {@link com.opstower.problem.ProblemException} naming the
   * fault ({@link UpstreamFailures}).
   */
  public CompletableFuture<UpstreamResponse> call(
      UpstreamRequest request, ResponseReader reader, SecretRedactor redactor) {
    long start = System.nanoTime();
    CompletableFuture<UpstreamResponse> done = new CompletableFuture<>();
    int window = reader.windowBytes(redactor);
    exchange(request, window)
        .exceptionallyCompose(
            failure -> {
              Duration left = timeout.minusNanos(System.nanoTime() - start);
              return staleConnection(failure)
                      && request.method().isIdempotent()
                      && left.toMillis() > 0
                  ? exchange(request, window, left)
                  : CompletableFuture.failedFuture(failure);
            })
        .whenCompleteAsync(
            (answer, failure) -> {
              try {
                if (failure != null) {
                  done.completeExceptionally(problem(failure, request));
                  return;
                }
                Map<String, List<String>> fields = new LinkedHashMap<>();
                for (Header header : answer.headers()) {
                  fields
                      .computeIfAbsent(header.getName(), name -> new ArrayList<>())
                      .add(header.getValue());
                }
                ReadBody read =
                    reader.read(
                        new ByteArrayInputStream(answer.body()),
                        first(fields, "Content-Type"),
                        first(fields, "Content-Encoding"),
                        redactor);
                done.complete(
                    new UpstreamResponse(
                        answer.status(),
                        ResponseReader.headers(fields, redactor),
                        read,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
              } catch (IOException | RuntimeException unreadable) {
                done.completeExceptionally(problem(unreadable, request));
              }
            },
            cpu);
    return done;
  }

  private com.opstower.problem.ProblemException problem(
      Throwable failure, UpstreamRequest request) {
    Throwable cause = unwrapped(failure);
    if (cause instanceof BusyException) {
      return UpstreamFailures.busy(maxConcurrentCalls);
    }
    boolean headArrived = cause instanceof UpstreamCall.BodyReadException;
    return UpstreamFailures.toProblem(
        cause, request, timeout, cause instanceof TimeoutException, headArrived);
  }

  /**
   * Whether the connection closed before any answer: on a pooled connection that the upstream had
   * already closed, the one case the blocking client also retries (once, idempotent methods).
   */
  private static boolean staleConnection(Throwable failure) {
    return unwrapped(failure) instanceof NoHttpResponseException;
  }

  /**
   * {@link #call} for a caller that waits (Test Connection, the docs fetch): the request thread
   * waits, the exchange runs on the same pool with the same deadline and fault naming.
   */
  public UpstreamResponse callAndWait(
      UpstreamRequest request, ResponseReader reader, SecretRedactor redactor) {
    try {
      return call(request, reader, redactor).join();
    } catch (CompletionException failed) {
      if (unwrapped(failed) instanceof RuntimeException problem) {
        throw problem;
      }
      throw failed;
    }
  }

  /** The failure itself, not the {@link CompletionException} a dependent stage wraps it in. */
  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static String first(Map<String, List<String>> fields, String name) {
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isEmpty()) {
        return field.getValue().get(0);
      }
    }
    return null;
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
    cpu.shutdownNow();
  }

  /** All slots taken: the caller answers 429 without queueing. */
  public static final class BusyException extends Exception {
    private static final long serialVersionUID = 1L;

    BusyException(int slots) {
      super("all " + slots + " upstream slots are in use");
    }
  }

  /** Thrown by the consumer to end an exchange whose answer is complete enough. */
  private static final class CutShort extends IOException {
    private static final long serialVersionUID = 1L;

    CutShort() {
      super("the body was cut at the cap", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Keeps the head and at most {@code maxBytes + LOOK_AHEAD} of the body. */
  private static final class CappedConsumer implements AsyncResponseConsumer<Answer> {

    private final int limit;
    private final CompletableFuture<Answer> result;

    /**
     * Grown as the body arrives, from the announced length or {@link #FIRST_BUFFER}: a call waiting
     * for its upstream holds no buffer, and a 1 KB answer does not cost the whole window.
     */
    private ByteBuffer kept = EMPTY;

    private long announced = -1;
    private final ResponseHeadLimits limits = new ResponseHeadLimits();
    private volatile HttpResponse head;
    private volatile FutureCallback<Answer> callback;
    private volatile Runnable cut = () -> {};

    CappedConsumer(int maxBytes, CompletableFuture<Answer> result) {
      this.limit = maxBytes + LOOK_AHEAD;
      this.result = result;
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
      limits.check(response);
      this.head = response;
      this.callback = resultCallback;
      if (entity != null) {
        announced = entity.getContentLength();
      }
      if (entity == null) {
        resultCallback.completed(answer(false));
      }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
      limits.check(response);
    }

    /**
     * The failure as {@link UpstreamFailures} reads it: an I/O failure after the head is a body
     * read failure; the connection closing before any head is {@link NoHttpResponseException}, as
     * the blocking client reports it.
     */
    Exception tagged(Exception failure) {
      if (head != null && failure instanceof IOException io) {
        return new UpstreamCall.BodyReadException(io);
      }
      if (head == null && failure instanceof ConnectionClosedException) {
        NoHttpResponseException none =
            new NoHttpResponseException("the connection closed before a response head");
        none.initCause(failure);
        return none;
      }
      return failure;
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      capacityChannel.update(Math.max(1, limit - kept.position()));
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      if (result.isDone()) {
        throw new CutShort(); // answered (cut at the cap) or past the deadline: drop the connection
      }
      room(src.remaining());
      int take = Math.min(src.remaining(), kept.remaining());
      ByteBuffer slice = src.slice();
      slice.limit(take);
      kept.put(slice);
      src.position(src.position() + take);
      if (kept.position() == limit) {
        // the answer first, then cancel: cancelling an exchange that has completed would leave
        // its connection to read the rest of an endless body
        result.complete(answer(true));
        cut.run();
        // failing the exchange from inside the reactor closes its connection at once, whatever
        // state the cancellation found it in: an endless body is not read any further
        throw new CutShort();
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
      result.completeExceptionally(tagged(cause));
    }

    @Override
    public void releaseResources() {
      // the kept bytes belong to the answer
    }

    /** Makes room for {@code arriving} more bytes, as far as the limit allows. */
    private void room(int arriving) {
      long wanted = Math.min(limit, (long) kept.position() + arriving);
      if (wanted <= kept.capacity()) {
        return;
      }
      long size =
          kept.capacity() == 0 && announced >= 0
              ? announced // the framing reads no more than the length announced
              : Math.max(FIRST_BUFFER, 2L * kept.capacity());
      ByteBuffer grown = ByteBuffer.allocate((int) Math.min(limit, Math.max(wanted, size)));
      if (kept.position() > 0) {
        grown.put(kept.flip());
      }
      kept = grown;
    }

    private Answer answer(boolean cutShort) {
      byte[] body =
          kept.position() == kept.capacity() && kept.hasArray()
              ? kept.array()
              : Arrays.copyOf(kept.array(), kept.position());
      return new Answer(
          head.getCode(), new ArrayList<>(List.of(head.getHeaders())), body, cutShort);
    }
  }
}
