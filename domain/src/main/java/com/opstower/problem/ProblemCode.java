package com.opstower.problem;

/**
 * Every error {@code code} of the API contract, with its HTTP status and a short title. The one
 * place where these facts live: resources, mappers and the UI all read them from here.
 */
public enum ProblemCode {
  INVALID_REQUEST("invalid-request", 400, "Invalid request"),
  INVALID_METHOD("invalid-method", 400, "Method not allowed"),
  PATH_NOT_ALLOWED("path-not-allowed", 400, "Path not allowed"),
  FORBIDDEN_HEADER("forbidden-header", 400, "Header not allowed"),
  RESERVED_PARAMETER("reserved-parameter", 400, "Reserved query parameter"),
  BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
  UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  CONNECTION_NOT_ENABLED("connection-not-enabled", 403, "Connection not enabled"),
  DESTINATION_BLOCKED("destination-blocked", 403, "Destination blocked"),
  NOT_FOUND("not-found", 404, "Not found"),
  CONFLICT("conflict", 409, "Conflict"),
  RATE_LIMITED("rate-limited", 429, "Rate limited"),
  CREDENTIAL_UNAVAILABLE("credential-unavailable", 500, "Credential unavailable"),
  DATABASE_UNAVAILABLE("database-unavailable", 503, "Database unavailable"),
  UPSTREAM_UNREACHABLE("upstream-unreachable", 502, "Upstream unreachable"),
  UPSTREAM_TIMEOUT("upstream-timeout", 504, "Upstream timeout"),
  INTERNAL_ERROR("internal-error", 500, "Internal error");

  private final String code;
  private final int status;
  private final String title;

  ProblemCode(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem {@code type} URI, e.g. {@code urn:opstower:problem:forbidden-header}. */
  public String type() {
    return "urn:opstower:problem:" + code;
  }
}
