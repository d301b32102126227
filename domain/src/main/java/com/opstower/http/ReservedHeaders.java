package com.opstower.http;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Request header names an agent may never set (docs/security.md §2) and that a connection may not
 * use as its API-key header, and the header lists that the request and response sides share: the
 * connection-specific ({@link #HOP_BY_HOP}) headers and the headers OpsTower sets itself on every
 * request ({@link #SET_BY_SERVER}). Names compare case-insensitively with {@code _} treated as
 * {@code -}, because some servers and proxies fold the two together.
 */
public final class ReservedHeaders {

  /**
   * Connection-specific fields (RFC 9110 §7.6.1): they describe one hop, not the message, so no
   * agent sets them and no agent sees them in an answer. Lower case.
   */
  public static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  /**
   * The headers OpsTower sets itself on every request: {@code Content-Type} (from the request's
   * {@code contentType}), {@code Accept-Encoding} (always {@code identity}) and {@code User-Agent}.
   * Lower case. They are not {@linkplain #isReserved reserved}, since the server must send them.
   */
  public static final Set<String> SET_BY_SERVER =
      Set.of("content-type", "accept-encoding", "user-agent");

  private static final Set<String> EXACT =
      Stream.concat(
              HOP_BY_HOP.stream(),
              Stream.of(
                  "authorization",
                  "proxy-authorization",
                  "proxy-authenticate",
                  "cookie",
                  "cookie2",
                  "set-cookie",
                  "host",
                  "content-length",
                  "expect",
                  "http2-settings",
                  "via",
                  "max-forwards",
                  "forwarded",
                  "x-real-ip",
                  "x-client-ip",
                  "true-client-ip",
                  "x-original-url",
                  "x-rewrite-url",
                  "x-http-method-override",
                  "x-http-method",
                  "x-method-override",
                  "origin",
                  "referer",
                  "content-transfer-encoding"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> PREFIXES =
      Set.of(":", "x-forwarded-", "sec-", "access-control-request-");

  private ReservedHeaders() {}

  /** The comparison form of a header name: lower case, {@code _} as {@code -}. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static boolean isReserved(String name) {
    String normalized = normalize(name);
    if (EXACT.contains(normalized)) {
      return true;
    }
    return PREFIXES.stream().anyMatch(normalized::startsWith);
  }

  /** Whether OpsTower sets this header itself ({@link #SET_BY_SERVER}), compared as above. */
  public static boolean isSetByServer(String name) {
    return SET_BY_SERVER.contains(normalize(name));
  }
}
