package com.opstower.execution.control;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;

/** A call refused by a per-token limit: 429 {@code rate-limited} with a {@code Retry-After}. */
public class RateLimitedException extends ProblemException {

  private final long retryAfterSeconds;

  public RateLimitedException(String detail, long retryAfterSeconds) {
    super(ProblemCode.RATE_LIMITED, detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** The value of the {@code Retry-After} header: whole seconds, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
