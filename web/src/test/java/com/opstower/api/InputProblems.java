package com.opstower.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the problems the API's input readers throw; shared by the boundary tests. */
public final class InputProblems {

  private InputProblems() {}

  /** Lets a test write JSON with single quotes: {@code json("{'a':1}")}. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  public static ProblemException assertProblem(ProblemCode expected, Executable call) {
    ProblemException thrown = assertThrows(ProblemException.class, call);
    assertEquals(expected, thrown.code(), () -> "detail: " + thrown.detail());
    return thrown;
  }

  /**
   * 400 {@code invalid-request} with exactly one {@code errors} entry, for {@code field}, and a
   * detail that names the field.
   */
  public static ProblemException assertInvalidField(String field, Executable call) {
    ProblemException thrown = assertProblem(ProblemCode.INVALID_REQUEST, call);
    assertEquals(1, thrown.errors().size(), () -> "errors: " + thrown.errors());
    FieldError error = thrown.errors().get(0);
    assertEquals(field, error.field(), () -> "detail: " + thrown.detail());
    assertFalse(error.message().isBlank());
    assertTrue(
        thrown.detail().contains(field),
        () -> "the detail should name '" + field + "': " + thrown.detail());
    return thrown;
  }

  /** 400 {@code invalid-request} about the body as a whole: no field errors, the given detail. */
  public static ProblemException assertInvalidBody(String detail, Executable call) {
    ProblemException thrown = assertProblem(ProblemCode.INVALID_REQUEST, call);
    assertEquals(detail, thrown.detail());
    assertTrue(thrown.errors().isEmpty(), () -> "errors: " + thrown.errors());
    return thrown;
  }
}
