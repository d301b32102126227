package com.opstower.problem;

import java.util.List;

/**
 * A failure the caller can act on. The {@code detail} is shown to agents and people as it is, so it
 * must name the offending part and never contain a secret, class name or SQL.
 */
public class ProblemException extends RuntimeException {

  /** One invalid field of a request, reported in the problem's {@code errors} array. */
  public record FieldError(String field, String message) {}

  private final ProblemCode code;
  private final transient List<FieldError> errors;

  public ProblemException(ProblemCode code, String detail) {
    this(code, detail, List.of());
  }

  public ProblemException(ProblemCode code, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ProblemCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
