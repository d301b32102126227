package com.opstower.execution.upstream;

import com.opstower.egress.control.GuardedDnsResolver;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;

/**
 * Builds the one JAX-RS client of the product: Jersey over Apache HttpClient 5, because that
 * connector lets the egress policy judge the address actually connected to (a {@link
 * GuardedDnsResolver} in a pooled connection manager) and sends PATCH as PATCH (stack-notes.md
 * pitfall 9).
 *
 * <p>Everything HttpClient would otherwise do on its own is switched off: following redirects,
 * decompressing, retrying (its default strategy re-sends on 429/503 and sleeps for Retry-After),
 * cookies shared between connections, authentication, system-property proxies. Request bodies are
 * buffered (at most 1 MiB) so they go out with a {@code Content-Length}.
 */
final class UpstreamJerseyClient {

  private static final TimeValue STALE_CHECK_AFTER = TimeValue.ofSeconds(1);

  /**
   * The response head's limits (docs/security.md §9): HttpClient refuses a longer line or more
   * fields while parsing, so a hostile head never takes more than about 800 KiB of memory; {@link
   * ResponseHeadLimits} then checks the total. The parser is HttpCore's strict one: HttpClient's
   * default parser skips lines that are not a status line, which turns garbage or an HTTP/0.9
   * answer into "no answer" instead of naming it.
   */
  static final Http1Config HEAD_LIMITS =
      Http1Config.custom()
          .setMaxLineLength(ResponseHeadLimits.MAX_LINE_BYTES)
          .setMaxHeaderCount(ResponseHeadLimits.MAX_FIELDS)
          .setMaxEmptyLineCount(ResponseHeadLimits.MAX_EMPTY_LINES)
          .build();

  private static final TimeValue CONNECTION_TIME_TO_LIVE = TimeValue.ofMinutes(5);
  private static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofSeconds(30);

  /** Hands the HttpClient request to the exchange, whose abort then cancels it. */
  private static final ExecChainHandler ATTACH_TO_EXCHANGE =
      (request, scope, chain) -> {
        if (scope.originalRequest instanceof Cancellable cancellable) {
          UpstreamExchange.current().ifPresent(exchange -> exchange.attach(cancellable));
        }
        return chain.proceed(request, scope);
      };

  /**
   * Tells the exchange that a response head arrived: from then on the connection may go back to the
   * pool at any moment, so an abort must cancel the request rather than close sockets.
   */
  private static final Http1StreamListener RESPONSE_HEAD_TO_EXCHANGE =
      new Http1StreamListener() {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {}

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
          UpstreamExchange.current()
              .ifPresent(
                  exchange -> {
                    exchange.responseHeadArrived();
                    exchange.headLimits().check(response);
                  });
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {}
      };

  /** A 3xx goes back to the agent (docs/security.md §4), whatever the request config says. */
  private static final DefaultRedirectStrategy NEVER_REDIRECT =
      new DefaultRedirectStrategy() {
        @Override
        public boolean isRedirected(
            HttpRequest request, HttpResponse response, HttpContext context) {
          return false;
        }
      };

  private UpstreamJerseyClient() {}

  static ClientStack build(DnsResolver dns, Duration timeout, int maxConnections) {
    Timeout deadline = Timeout.ofMilliseconds(timeout.toMillis());
    AtomicBoolean poolClosed = new AtomicBoolean();
    PoolingHttpClientConnectionManager pool =
        connectionManager(dns, deadline, maxConnections, poolClosed);
    ClientConfig config =
        new ClientConfig()
            .connectorProvider(new Apache5ConnectorProvider())
            .property(Apache5ClientProperties.CONNECTION_MANAGER, pool)
            .property(Apache5ClientProperties.CONNECTION_MANAGER_SHARED, false)
            .property(Apache5ClientProperties.REQUEST_CONFIG, requestConfig(deadline))
            .property(Apache5ClientProperties.DISABLE_COOKIES, true)
            .property(ClientProperties.FOLLOW_REDIRECTS, false)
            .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED)
            .property(ClientProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
            .register(
                (Apache5HttpClientBuilderConfigurator)
                    builder ->
                        builder
                            .disableContentCompression()
                            // not disableRedirectHandling(): without its exec step the
                            // connector fails on the missing redirect-locations attribute
                            .setRedirectStrategy(NEVER_REDIRECT)
                            .disableAutomaticRetries()
                            .disableCookieManagement()
                            .disableAuthCaching()
                            .evictIdleConnections(EVICT_IDLE_AFTER)
                            .setRequestExecutor(
                                new HttpRequestExecutor(
                                    HttpRequestExecutor.DEFAULT_WAIT_FOR_CONTINUE,
                                    null,
                                    RESPONSE_HEAD_TO_EXCHANGE))
                            .addExecInterceptorFirst("opstower-exchange", ATTACH_TO_EXCHANGE)
                            .addRequestInterceptorLast(WireHeaders.INTERCEPTOR));
    return new ClientStack(ClientBuilder.newBuilder().withConfig(config).build(), pool, poolClosed);
  }

  private static PoolingHttpClientConnectionManager connectionManager(
      DnsResolver dns, Timeout deadline, int maxConnections, AtomicBoolean closed) {
    PoolingHttpClientConnectionManager manager =
        new PoolingHttpClientConnectionManager(
            ExchangeSocketFactories.registry(SSLContexts.createDefault()),
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            CONNECTION_TIME_TO_LIVE,
            null, // default ports: 80 and 443
            dns,
            new ManagedHttpClientConnectionFactory(
                HEAD_LIMITS, null, null, DefaultHttpResponseParserFactory.INSTANCE)) {
          // whoever closes the pool, the client must learn that it cannot lease any more
          @Override
          public void close(CloseMode closeMode) {
            closed.set(true);
            super.close(closeMode);
          }
        };
    // one connection per exchange at most: a lease never waits
    manager.setMaxTotal(maxConnections);
    manager.setDefaultMaxPerRoute(maxConnections);
    manager.setDefaultSocketConfig(
        SocketConfig.custom().setSoTimeout(deadline).setTcpNoDelay(true).build());
    manager.setDefaultConnectionConfig(
        ConnectionConfig.custom()
            .setConnectTimeout(deadline)
            .setSocketTimeout(deadline)
            // an upstream may have closed a pooled connection while it sat idle
            .setValidateAfterInactivity(STALE_CHECK_AFTER)
            .setTimeToLive(CONNECTION_TIME_TO_LIVE)
            .build());
    return manager;
  }

  @SuppressWarnings("deprecation") // the connector maps its per-request timeouts onto these
  private static RequestConfig requestConfig(Timeout deadline) {
    return RequestConfig.custom()
        .setConnectionRequestTimeout(deadline)
        .setConnectTimeout(deadline)
        .setResponseTimeout(deadline)
        .setRedirectsEnabled(false)
        .setContentCompressionEnabled(false)
        .setExpectContinueEnabled(false)
        .setAuthenticationEnabled(false)
        .setCookieSpec(StandardCookieSpec.IGNORE)
        .build();
  }
}
