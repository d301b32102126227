package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderPolicyTest {

  private final HeaderPolicy policy = new HeaderPolicy();

  private Map<String, String> check(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(name, value);
    return policy.check(headers, "X-API-Key");
  }

  @Test
  void passesOrdinaryHeadersKeepingNameCaseAndOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("x-request-id", "abc-123");
    headers.put("If-None-Match", "\"etag\", W/\"weak\"");
    headers.put("X-Tabbed", "a\tb");
    headers.put("Accept-Language", "de-CH;q=0.9, *;q=0.1");

    Map<String, String> sent = policy.check(headers, null);

    assertEquals(headers, sent);
    assertEquals(
        List.of("Accept", "x-request-id", "If-None-Match", "X-Tabbed", "Accept-Language"),
        List.copyOf(sent.keySet()));
  }

  @Test
  void treatsNullAsNoHeaders() {
    assertTrue(policy.check(null, "X-API-Key").isEmpty());
  }

  @Test
  void stripsSurroundingWhitespaceFromValues() {
    assertEquals(Map.of("X-A", "v"), check("X-A", " \tv\t "));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Authorization",
        "authorization",
        "AUTHORIZATION",
        "Proxy-Authorization",
        "proxy_authorization",
        "Proxy-Authenticate",
        "Proxy-Connection",
        "Cookie",
        "cookie2",
        "Set-Cookie",
        "Host",
        "host",
        "HOST",
        ":authority",
        ":path",
        ":method",
        ":scheme",
        "Content-Length",
        "content_length",
        "Transfer-Encoding",
        "transfer_encoding",
        "TE",
        "Trailer",
        "Connection",
        "Keep-Alive",
        "Upgrade",
        "Expect",
        "HTTP2-Settings",
        "Via",
        "Max-Forwards",
        "Forwarded",
        "X-Forwarded-For",
        "X_Forwarded_For",
        "x-forwarded-host",
        "X-Forwarded-Proto",
        "x_forwarded_anything",
        "X-Real-IP",
        "X-Client-IP",
        "True-Client-IP",
        "X-Original-URL",
        "X-Rewrite-URL",
        "X-HTTP-Method-Override",
        "X-HTTP-Method",
        "X-Method-Override",
        "x_http_method_override",
        "Sec-Fetch-Mode",
        "sec-ch-ua",
        "Sec_WebSocket_Key",
        "Origin",
        "Referer",
        "Content-Transfer-Encoding",
        "Access-Control-Request-Method",
        "Access-Control-Request-Headers",
        "Content-Type",
        "content_type",
        "Accept-Encoding",
        "accept_encoding",
        "User-Agent",
        "user_agent",
        "X-API-Key",
        "x_api_key",
        "X-Api-KEY"
      })
  void refusesReservedServerAndCredentialHeaders(String name) {
    ProblemException refused = assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check(name, "v"));

    assertTrue(refused.detail().contains(name), refused.detail());
  }

  @Test
  void explainsThatTheConnectionSetsAuthorization() {
    ProblemException refused =
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("Authorization", "Bearer x"));

    assertEquals(
        "The header 'Authorization' is set by the connection and cannot be sent by an agent.",
        refused.detail());
  }

  @Test
  void explainsTheConnectionsOwnCredentialHeader() {
    ProblemException refused =
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("x_api_key", "guess"));

    assertTrue(refused.detail().contains("set by the connection"), refused.detail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Range",
        "range",
        "RANGE",
        "If-Range",
        "if_range",
        "Request-Range",
        "Content-Range",
        "A-IM"
      })
  void refusesHeadersThatAskForASliceOfTheAnswer(String name) {
    ProblemException refused =
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check(name, "bytes=100-105"));

    assertTrue(refused.detail().contains("partial answer"), refused.detail());
  }

  @Test
  void pointsToContentTypeFieldAndFixedEncoding() {
    assertTrue(
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("Content-Type", "text/xml"))
            .detail()
            .contains("'contentType'"));
    assertTrue(
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("Accept-Encoding", "gzip"))
            .detail()
            .contains("identity"));
  }

  @Test
  void allowsTheApiKeyHeaderNameWhenTheConnectionUsesAnotherCredential() {
    assertEquals(Map.of("X-API-Key", "v"), policy.check(Map.of("X-API-Key", "v"), null));
  }

  @ParameterizedTest(name = "[{index}] name ''{0}''")
  @ValueSource(
      strings = {
        "",
        "X Header",
        "X:Y",
        "X(Y)",
        "X/Y",
        "X@Y",
        "X\"Y",
        "X{Y}",
        "X[Y]",
        "X=Y",
        "X,Y",
        "X;Y",
        "X\r\nY",
        "X\nY",
        "X\u0000",
        "X\tY",
        "Äpfel",
        "X-Ü",
        "\u200bX",
        "X\u007f",
        "ＸＹ"
      })
  void refusesNamesThatAreNotTokens(String name) {
    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check(name, "v"));
  }

  @ParameterizedTest(name = "[{index}] value ''{0}''")
  @ValueSource(
      strings = {
        "a\r\nX: y",
        "a\r\n b",
        "a\r\n\tb",
        "a\nb",
        "a\rb",
        "a\u0000b",
        "\u007f",
        "é",
        "a\u0085",
        "\u2028",
        "a\u000bb",
        "a\u000cb",
        "x\u001b[31m",
        "\u00a0",
        "日本",
        "a\n"
      })
  void refusesControlNonAsciiAndFoldedValues(String value) {
    ProblemException refused =
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("X-Custom", value));

    assertFalse(refused.detail().contains("\n") || refused.detail().contains("\r"));
  }

  @Test
  void refusesANullValue() {
    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("X-A", null));
  }

  @Test
  void refusesMoreThan32Headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < 32; i++) {
      headers.put("X-H" + i, "v");
    }
    assertEquals(32, policy.check(headers, null).size());

    headers.put("X-H32", "v");
    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> policy.check(headers, null));
  }

  @Test
  void limitsNameLengthTo64() {
    assertEquals(1, check("X" + "a".repeat(63), "v").size());
    ProblemException refused =
        assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("X" + "a".repeat(64), "v"));
    assertTrue(refused.detail().contains("64"));
  }

  @Test
  void limitsValueLengthTo4096() {
    assertEquals(1, check("X-Big", "v".repeat(4096)).size());
    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> check("X-Big", "v".repeat(4097)));
  }

  @Test
  void refusesTheSameHeaderTwiceUnderDifferentSpellings() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Trace", "1");
    headers.put("x_trace", "2");

    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> policy.check(headers, null));
  }

  @Test
  void customLimitsApply() {
    HeaderPolicy strict = new HeaderPolicy(1, 5, 3);

    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> strict.check(Map.of("X-Long", "v"), null));
    assertProblem(ProblemCode.FORBIDDEN_HEADER, () -> strict.check(Map.of("X-A", "long"), null));
    assertEquals(Map.of("X-A", "abc"), strict.check(Map.of("X-A", "abc"), null));
  }
}
