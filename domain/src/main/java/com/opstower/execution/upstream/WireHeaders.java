package com.opstower.execution.upstream;

import com.opstower.execution.request.UpstreamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The exact header set an upstream receives: the request's headers, {@code Accept-Encoding:
 * identity}, our {@code User-Agent} and the body's {@code Content-Type} (as the agent spelled it),
 * plus the framing headers HttpClient computes ({@code Host}, {@code Content-Length}).
 *
 * <p>{@link #INTERCEPTOR} runs last in HttpClient's protocol chain, just before the request is
 * written, and replaces whatever Jersey, HttpClient or a container-provided filter (tracing,
 * cookies…) added on the way: what the policies checked is what goes out.
 */
final class WireHeaders {

  static final String USER_AGENT = "OpsTower-Connections/1.0";

  /** Computed by HttpClient from the URL and the entity; everything else is ours. */
  private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding");

  /**
   * Replaced without comment: HttpClient's {@code Connection: keep-alive} (the HTTP/1.1 default
   * anyway) and Jersey's placeholder {@code Content-Type} (see {@link UpstreamCall}).
   */
  private static final Set<String> EXPECTED_EXTRAS = Set.of("connection", "content-type");

  private static final Logger LOG = Logger.getLogger(WireHeaders.class.getName());

  static final HttpRequestInterceptor INTERCEPTOR =
      (request, entity, context) ->
          UpstreamExchange.current().ifPresent(exchange -> exchange.wireHeaders().applyTo(request));

  private final List<Header> headers;

  private WireHeaders(List<Header> headers) {
    this.headers = List.copyOf(headers);
  }

  static WireHeaders of(UpstreamRequest request) {
    List<Header> headers = new ArrayList<>();
    request.headers().forEach((name, value) -> headers.add(new BasicHeader(name, value)));
    headers.add(new BasicHeader("Accept-Encoding", "identity"));
    headers.add(new BasicHeader("User-Agent", USER_AGENT));
    if (request.body().isPresent()) {
      headers.add(new BasicHeader("Content-Type", request.body().contentType()));
    }
    return new WireHeaders(headers);
  }

  List<Header> headers() {
    return headers;
  }

  void applyTo(HttpRequest request) {
    List<String> dropped = new ArrayList<>();
    for (Header present : request.getHeaders()) {
      String name = present.getName().toLowerCase(Locale.ROOT);
      if (FRAMING.contains(name)) {
        continue;
      }
      request.removeHeader(present);
      if (!EXPECTED_EXTRAS.contains(name)
          && headers.stream().noneMatch(h -> h.getName().equalsIgnoreCase(name))) {
        dropped.add(present.getName());
      }
    }
    headers.forEach(request::addHeader);
    if (!dropped.isEmpty() && LOG.isLoggable(Level.FINE)) {
      // names only: a value may carry a credential
      LOG.fine("Headers added by the client stack were not sent: " + dropped);
    }
  }
}
