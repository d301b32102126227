package com.opstower.execution.request;

import com.opstower.execution.credential.Credentials;
import com.opstower.http.HttpToken;
import com.opstower.http.ReservedHeaders;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One outbound call as the adapter sends it: method, the finished URL (from {@link OutboundUrl}),
 * the headers after {@link HeaderPolicy} and the connection's {@link Credentials}, and the body.
 *
 * <p>Headers that frame the message or that the adapter sets itself ({@code Host}, {@code
 * Content-Length}, {@code Content-Type}, {@code Accept-Encoding}, {@code User-Agent}…) are refused
 * here: the policies upstream of this record already keep agents from sending them, so one arriving
 * is a programming error, not something to fix up silently.
 */
public record UpstreamRequest(
    RequestMethod method, URI uri, Map<String, String> headers, OutboundBody body) {

  static final Set<String> SET_BY_ADAPTER =
      Stream.of(
              ReservedHeaders.HOP_BY_HOP.stream(),
              Stream.of("host", "content-length", "expect"),
              ReservedHeaders.SET_BY_SERVER.stream())
          .flatMap(names -> names)
          .collect(Collectors.toUnmodifiableSet());

  public UpstreamRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("Only absolute http(s) URLs with a host can be sent.");
    }
    headers = checkedCopy(headers);
    body = body == null ? OutboundBody.none() : body;
    if (body.isPresent() && !method.allowsBody()) {
      throw new IllegalArgumentException(method + " requests carry no body.");
    }
  }

  /** The port the request goes to, the scheme's default when the URL names none. */
  public int port() {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** {@code host:port}, for problem details and logs; never the path or query. */
  public String destination() {
    return uri.getHost() + ":" + port();
  }

  /** Without the query (it may hold a credential) and without header values. */
  @Override
  public String toString() {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?[query hidden]";
    return "UpstreamRequest["
        + method
        + " "
        + uri.getScheme()
        + "://"
        + destination()
        + path
        + query
        + ", headers="
        + headers.keySet()
        + ", body="
        + body
        + "]";
  }

  private static Map<String, String> checkedCopy(Map<String, String> headers) {
    if (headers == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    headers.forEach(
        (name, value) -> {
          if (!HttpToken.isToken(name)) {
            throw new IllegalArgumentException("A header name is not a valid HTTP field name.");
          }
          String lower = name.toLowerCase(Locale.ROOT);
          if (SET_BY_ADAPTER.contains(lower)) {
            throw new IllegalArgumentException("The header " + name + " is set by the adapter.");
          }
          if (!seen.add(lower)) {
            throw new IllegalArgumentException("The header " + name + " is given twice.");
          }
          // names only in these messages: a value may be a credential
          if (value == null || !value.chars().allMatch(HttpToken::isFieldValueChar)) {
            throw new IllegalArgumentException("The value of header " + name + " is invalid.");
          }
          copy.put(name, value);
        });
    return Collections.unmodifiableMap(copy);
  }
}
