package com.opstower.execution.request;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;

/**
 * The HTTP methods an agent may use (docs/security.md §3). The upstream sees exactly this method:
 * PATCH goes out as PATCH, never as POST with an override header.
 */
public enum RequestMethod {
  GET(false),
  POST(true),
  PUT(true),
  PATCH(true),
  DELETE(false);

  private final boolean allowsBody;

  RequestMethod(boolean allowsBody) {
    this.allowsBody = allowsBody;
  }

  /** Whether a request body may be sent; GET and DELETE carry none (docs/api.md). */
  public boolean allowsBody() {
    return allowsBody;
  }

  /** Whether repeating the request has the effect of sending it once (RFC 9110 §9.2.2). */
  public boolean isIdempotent() {
    return this != POST && this != PATCH;
  }

  /**
   * Exact, upper-case names only: "get" or " GET" are refused rather than fixed up, so what was
   * checked is what is sent.
   */
  public static RequestMethod parse(String method) {
    if (method != null) {
      for (RequestMethod candidate : values()) {
        if (candidate.name().equals(method)) {
          return candidate;
        }
      }
    }
    throw new ProblemException(
        ProblemCode.INVALID_METHOD,
        "The method "
            + SafeText.quote(method)
            + " is not allowed; use GET, POST, PUT, PATCH or DELETE (upper case).");
  }
}
