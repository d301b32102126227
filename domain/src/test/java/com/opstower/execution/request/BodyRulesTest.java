package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyRulesTest {

  private static final long CAP = 1024;

  @Test
  void jsonDefaultsToApplicationJson() {
    OutboundBody body = OutboundBody.json("{\"a\":1}", null);

    assertEquals("application/json", body.contentType());
    assertArrayEquals("{\"a\":1}".getBytes(UTF_8), body.bytes());
  }

  @Test
  void textDefaultsToPlainUtf8AndIsSentAsIs() {
    OutboundBody body = OutboundBody.text("grüß {x}", null);

    assertEquals("text/plain; charset=UTF-8", body.contentType());
    assertArrayEquals("grüß {x}".getBytes(UTF_8), body.bytes());
  }

  @Test
  void anExplicitContentTypeWinsAndABlankOneMeansDefault() {
    assertEquals(
        "application/merge-patch+json",
        OutboundBody.json("{}", "application/merge-patch+json").contentType());
    assertEquals("application/json", OutboundBody.json("{}", "  ").contentType());
    assertEquals("text/csv", OutboundBody.text("a,b", "text/csv").contentType());
  }

  @Test
  void noneHasNoBytesAndNoContentType() {
    assertFalse(OutboundBody.none().isPresent());
    assertNull(OutboundBody.none().bytes());
    assertNull(new OutboundBody(null, "text/plain").contentType());
  }

  @Test
  void bodyBytesAreCopiedInAndOut() {
    byte[] source = {1, 2, 3};
    OutboundBody body = new OutboundBody(source, "application/octet-stream");
    source[0] = 9;
    body.bytes()[1] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, body.bytes());
  }

  @Test
  void toStringNeverShowsTheContent() {
    String text = OutboundBody.text("password=hunter2", null).toString();

    assertFalse(text.contains("hunter2"));
    assertTrue(text.contains("16 bytes"), text);
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestMethod.class,
      names = {"GET", "DELETE"})
  void refusesABodyOnGetAndDelete(RequestMethod method) {
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> BodyRules.check(method, OutboundBody.json("{}", null), CAP));
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> BodyRules.check(method, OutboundBody.text("", null), CAP));
  }

  @ParameterizedTest
  @EnumSource(RequestMethod.class)
  void noBodyIsFineOnEveryMethodAndItsContentTypeIsIgnored(RequestMethod method) {
    assertSame(OutboundBody.none(), BodyRules.check(method, null, CAP));
    assertSame(OutboundBody.none(), BodyRules.check(method, OutboundBody.none(), CAP));
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestMethod.class,
      names = {"POST", "PUT", "PATCH"})
  void acceptsABodyUpToTheCap(RequestMethod method) {
    OutboundBody body = OutboundBody.text("x".repeat((int) CAP), null);

    assertEquals(body, BodyRules.check(method, body, CAP));
  }

  @Test
  void refusesABodyOverTheCapCountingBytesNotCharacters() {
    OutboundBody body = OutboundBody.text("ü".repeat(513), null); // 1026 bytes, 513 chars

    String detail =
        assertProblem(
                ProblemCode.BODY_TOO_LARGE, () -> BodyRules.check(RequestMethod.POST, body, CAP))
            .detail();
    assertTrue(detail.contains("1026") && detail.contains("1024"), detail);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "application/json",
        "text/plain; charset=UTF-8",
        "text/plain;charset=utf-8",
        "application/vnd.api+json",
        "multipart/form-data; boundary=\"a b\"",
        "application/x-www-form-urlencoded",
        "text/plain;",
        "text/plain; a=\"q\\\"uote\"",
        "application/json ; charset=utf-8",
        "application/problem+json"
      })
  void acceptsWellFormedMediaTypes(String contentType) {
    OutboundBody body = OutboundBody.text("x", contentType);

    assertEquals(contentType, BodyRules.check(RequestMethod.POST, body, CAP).contentType());
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "json",
        "application/",
        "/json",
        "application/json\r\nX-Injected: y",
        "text/plain; charset",
        "text/plain; =x",
        "text/plain; a=\"unterminated",
        "tëxt/plain",
        "a b/c",
        "text/plain\u0000",
        "text/plain\n",
        "application/json, text/plain",
        "text/plain; a=b c",
        "text//plain",
        "text/plain; a=\"\u0001\"",
        "application/json\u2028",
        "<script>/x"
      })
  void refusesMalformedMediaTypes(String contentType) {
    OutboundBody body = OutboundBody.text("x", contentType);

    assertProblem(
        ProblemCode.INVALID_REQUEST, () -> BodyRules.check(RequestMethod.POST, body, CAP));
  }

  @Test
  void refusesAnEmptyOrOverlongMediaType() {
    String overlong = "text/plain; p=" + "a".repeat(243); // 257 characters
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> BodyRules.check(RequestMethod.PUT, new OutboundBody(new byte[1], overlong), CAP));
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> BodyRules.check(RequestMethod.PUT, new OutboundBody(new byte[1], ""), CAP));
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> BodyRules.check(RequestMethod.PUT, new OutboundBody(new byte[1], null), CAP));
    String longest = "text/plain; p=" + "a".repeat(242);
    assertEquals(
        longest,
        BodyRules.check(RequestMethod.PUT, new OutboundBody(new byte[1], longest), CAP)
            .contentType());
  }
}
