package com.opstower.execution.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a call fails with a given contract problem code; shared by the executor tests. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static ProblemException assertProblem(ProblemCode expected, Executable call) {
    ProblemException thrown = assertThrows(ProblemException.class, call);
    assertEquals(expected, thrown.code(), () -> "detail: " + thrown.detail());
    return thrown;
  }
}
