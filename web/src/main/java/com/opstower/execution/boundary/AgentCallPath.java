package com.opstower.execution.boundary;

import com.opstower.http.PercentCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * A request {@link AgentCallFilter} answers itself: {@code POST} to {@code
 * /api/v1/agents/{agentId}/connections/{connectionId}/requests}, each id a plain segment, with an
 * {@code Accept} that JSON satisfies as it stands. Everything else is JAX-RS's to answer.
 */
record AgentCallPath(String agentId, String connectionId) {

  static final String PREFIX = "/api/v1/agents/";

  /** Longer ids are no ids of OpsTower's; JAX-RS answers them (404). */
  private static final int MAX_ID = 100;

  static Optional<AgentCallPath> of(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !acceptsJson(request.getHeader("Accept"))) {
      return Optional.empty();
    }
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || context == null || !uri.startsWith(context)) {
      return Optional.empty();
    }
    return of(uri.substring(context.length()));
  }

  /** The ids in {@code path} (the request URI after the context path), if it is an agent call. */
  static Optional<AgentCallPath> of(String path) {
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = path.substring(PREFIX.length()).split("/", -1);
    if (parts.length != 4
        || !"connections".equals(parts[1])
        || !"requests".equals(parts[3])
        || !plain(parts[0])
        || !plain(parts[2])) {
      return Optional.empty();
    }
    return Optional.of(new AgentCallPath(parts[0], parts[2]));
  }

  /** RFC 3986 unreserved characters only: nothing JAX-RS would decode or treat specially. */
  private static boolean plain(String segment) {
    if (segment.isEmpty() || segment.length() > MAX_ID) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!PercentCodec.isUnreserved(segment.charAt(i))) {
        return false;
      }
    }
    return !segment.equals(".") && !segment.equals("..");
  }

  /** No {@code Accept}, or one media range that JSON matches without weights or parameters. */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String range = accept.trim().toLowerCase(Locale.ROOT);
    return range.equals("*/*") || range.equals("application/json") || range.equals("application/*");
  }
}
