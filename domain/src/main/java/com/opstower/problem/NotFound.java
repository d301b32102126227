package com.opstower.problem;

/** Builds the contract's 404 for an unknown id, quoting at most a short prefix of the id. */
public final class NotFound {

  private NotFound() {}

  public static ProblemException of(String what, String id) {
    String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id;
    return new ProblemException(
        ProblemCode.NOT_FOUND, "No " + what + " with id '" + shown + "' exists.");
  }
}
