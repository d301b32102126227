package com.opstower.execution.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.response.ReadBody;
import com.opstower.execution.upstream.UpstreamResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAnswerTest {

  private static UpstreamResponse answer(int status, String body) {
    return new UpstreamResponse(
        status,
        Map.of(),
        new ReadBody(body, false, body == null ? 0 : body.length(), "application/json", null),
        3);
  }

  @Test
  void anAccessTokenWithItsLifetime() {
    TokenAnswer answer =
        TokenAnswer.of(
            answer(
                200,
                "{\"access_token\":\"abc.def\",\"token_type\":\"bearer\",\"expires_in\":3599}"));
    assertEquals("abc.def", answer.accessToken());
    assertEquals(Duration.ofSeconds(3599), answer.lifetime());
    assertEquals("TokenAnswer[lifetime=PT59M59S]", answer.toString(), "no token in toString");
  }

  @Test
  void aMissingOrOddLifetimeIsFiveMinutes() {
    assertEquals(
        TokenAnswer.UNSAID_LIFETIME,
        TokenAnswer.of(answer(200, "{\"access_token\":\"t\"}")).lifetime());
    assertEquals(
        Duration.ofSeconds(60),
        TokenAnswer.of(answer(200, "{\"access_token\":\"t\",\"expires_in\":\"60\"}")).lifetime());
    assertEquals(
        TokenAnswer.UNSAID_LIFETIME,
        TokenAnswer.of(answer(200, "{\"access_token\":\"t\",\"expires_in\":-5}")).lifetime());
  }

  @Test
  void aRefusalNamesTheServersErrorAndDescription() {
    TokenRequestFailed failed =
        assertThrows(
            TokenRequestFailed.class,
            () ->
                TokenAnswer.of(
                    answer(
                        401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"Bad\\nsecret\"}")));
    assertEquals(
        "The authorization server refused the token request (HTTP 401): invalid_client — Bad secret.",
        failed.detail());
    assertEquals("invalid_client", failed.error().orElseThrow());
    assertEquals(401, failed.status());
  }

  @Test
  void answersWithoutAUsableTokenAreRefusalsToo() {
    assertEquals(
        "The authorization server refused the token request (HTTP 500).",
        assertThrows(
                TokenRequestFailed.class, () -> TokenAnswer.of(answer(500, "<html>oops</html>")))
            .detail());
    assertEquals(
        "The authorization server's answer (HTTP 200) holds no access_token.",
        assertThrows(
                TokenRequestFailed.class, () -> TokenAnswer.of(answer(200, "{\"token\":\"x\"}")))
            .detail());
    assertTrue(
        assertThrows(
                TokenRequestFailed.class,
                () -> TokenAnswer.of(answer(200, "{\"access_token\":\"a\\r\\nX-Injected: 1\"}")))
            .detail()
            .contains("cannot be sent in an HTTP header"));
    assertTrue(
        assertThrows(
                TokenRequestFailed.class,
                () ->
                    TokenAnswer.of(answer(200, "{\"access_token\":\"a\",\"token_type\":\"mac\"}")))
            .detail()
            .contains("of type 'mac'"));
  }
}
