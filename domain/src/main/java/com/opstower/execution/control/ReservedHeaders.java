package com.opstower.execution.control;

import java.util.Locale;
import java.util.Set;

/**
 * Request header names an agent may never set (docs/security.md §2) and that a connection may not
 * use as its API-key header. Names compare case-insensitively with {@code _} treated as {@code -},
 * because some servers and proxies fold the two together.
 */
public final class ReservedHeaders {

  private static final Set<String> EXACT =
      Set.of(
          "authorization",
          "proxy-authorization",
          "proxy-authenticate",
          "proxy-connection",
          "cookie",
          "cookie2",
          "set-cookie",
          "host",
          "content-length",
          "transfer-encoding",
          "te",
          "trailer",
          "connection",
          "keep-alive",
          "upgrade",
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
          "content-transfer-encoding");

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
}
