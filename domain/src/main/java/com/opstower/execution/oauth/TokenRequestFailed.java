package com.opstower.execution.oauth;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.util.Optional;

/**
 * The authorization server answered the token request, but with no usable access token: a 502 whose
 * detail names its status and its {@code error} and {@code error_description} (RFC 6749 §5.2),
 * redacted and cut to one short line each.
 */
public final class TokenRequestFailed extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String description;

  TokenRequestFailed(int status, String error, String description, String detail) {
    super(ProblemCode.UPSTREAM_UNREACHABLE, detail);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  public int status() {
    return status;
  }

  /** The server's {@code error}, such as {@code invalid_client}; empty when it sent none. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }
}
