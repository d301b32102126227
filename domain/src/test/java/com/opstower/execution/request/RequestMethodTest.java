package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestMethodTest {

  @ParameterizedTest
  @EnumSource(RequestMethod.class)
  void parsesExactUpperCaseNames(RequestMethod method) {
    assertEquals(method, RequestMethod.parse(method.name()));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullSource
  @ValueSource(
      strings = {
        "get",
        "Get",
        "gEt",
        "post",
        "patch",
        "HEAD",
        "OPTIONS",
        "TRACE",
        "CONNECT",
        "PROPFIND",
        " GET",
        "GET ",
        "GET\n",
        "PATCH\r\n",
        "POST\u0000",
        "G ET",
        "",
        "ＧＥＴ",
        "GET /admin",
        "DELETE\t",
        "PUT,POST"
      })
  void refusesEverythingElse(String method) {
    assertProblem(ProblemCode.INVALID_METHOD, () -> RequestMethod.parse(method));
  }

  @Test
  void detailListsTheAllowedMethods() {
    String detail =
        assertProblem(ProblemCode.INVALID_METHOD, () -> RequestMethod.parse("TRACE")).detail();

    assertTrue(detail.contains("'TRACE'") && detail.contains("PATCH"), detail);
  }

  @Test
  void onlyPostPutAndPatchCarryABody() {
    assertFalse(RequestMethod.GET.allowsBody());
    assertFalse(RequestMethod.DELETE.allowsBody());
    assertTrue(RequestMethod.POST.allowsBody());
    assertTrue(RequestMethod.PUT.allowsBody());
    assertTrue(RequestMethod.PATCH.allowsBody());
  }
}
