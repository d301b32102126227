package com.opstower.problem;

import java.util.Objects;

/**
 * A problem caused by the upstream exchange, with its {@link UpstreamFault} and the cause in a few
 * words without the destination ("the connection was refused"), so that a message that already
 * names the request does not repeat it.
 */
public final class UpstreamProblem extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final UpstreamFault fault;
  private final String cause;

  public UpstreamProblem(ProblemCode code, String detail, UpstreamFault fault, String cause) {
    super(code, detail);
    this.fault = Objects.requireNonNull(fault, "fault");
    this.cause = Objects.requireNonNull(cause, "cause");
  }

  public UpstreamFault fault() {
    return fault;
  }

  /** E.g. "its host name could not be resolved"; never a secret, a URL query or a class name. */
  public String cause() {
    return cause;
  }
}
