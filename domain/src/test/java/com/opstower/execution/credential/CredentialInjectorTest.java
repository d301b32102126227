package com.opstower.execution.credential;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.AuthType;
import com.opstower.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialInjectorTest {

  private static final String SECRET = "tok_9f8e7d6c5b4a";

  @Test
  void bearerSendsAuthorizationBearer() {
    CredentialInjector.Injection injection = CredentialInjector.of(AuthType.BEARER, null, SECRET);

    assertEquals(Map.of("Authorization", "Bearer tok_9f8e7d6c5b4a"), injection.headers());
    assertNull(injection.queryCredential());
    assertEquals(List.of(SECRET), injection.secretForms());
  }

  @Test
  void apiKeyHeaderSendsTheKeyUnderTheConfiguredName() {
    CredentialInjector.Injection injection =
        CredentialInjector.of(AuthType.API_KEY_HEADER, "X-API-Key", SECRET);

    assertEquals(Map.of("X-API-Key", SECRET), injection.headers());
    assertEquals(List.of(SECRET), injection.secretForms());
  }

  @Test
  void basicSendsBase64OfUserColonPassword() {
    CredentialInjector.Injection injection =
        CredentialInjector.of(AuthType.BASIC, "Aladdin", "open sesame");

    assertEquals(
        Map.of("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), injection.headers());
    assertEquals(List.of("open sesame", "Aladdin:open sesame"), injection.secretForms());
  }

  @Test
  void basicEncodesNonAsciiAsUtf8() {
    CredentialInjector.Injection injection =
        CredentialInjector.of(AuthType.BASIC, "usér", "pässwörd");

    String expected =
        Base64.getEncoder().encodeToString("usér:pässwörd".getBytes(StandardCharsets.UTF_8));
    assertEquals("Basic " + expected, injection.headers().get("Authorization"));
    assertEquals("Basic dXPDqXI6cMOkc3N3w7ZyZA==", injection.headers().get("Authorization"));
  }

  @Test
  void basicWithEmptyPasswordHidesTheUserNameThatCarriesTheKey() {
    CredentialInjector.Injection injection =
        CredentialInjector.of(AuthType.BASIC, "sk_live_abc", "");

    assertEquals(List.of("sk_live_abc", "sk_live_abc:"), injection.secretForms());
    assertFalse(injection.secretForms().contains(""));
  }

  @Test
  void queryParamProducesAQueryCredential() {
    CredentialInjector.Injection injection =
        CredentialInjector.of(AuthType.QUERY_PARAM, "api_key", SECRET);

    assertEquals(new QueryCredential("api_key", SECRET), injection.queryCredential());
    assertTrue(injection.headers().isEmpty());
    assertEquals(List.of(SECRET), injection.secretForms());
  }

  @Test
  void noneAddsNothing() {
    CredentialInjector.Injection injection = CredentialInjector.of(AuthType.NONE, null, null);

    assertTrue(injection.headers().isEmpty());
    assertNull(injection.queryCredential());
    assertTrue(injection.secretForms().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(value = AuthType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void toStringNeverRevealsTheSecret(AuthType type) {
    String text = CredentialInjector.of(type, "X-Key", SECRET).toString();

    assertFalse(text.contains(SECRET), text);
    assertFalse(text.contains("tok_"), text);
    String base64 =
        Base64.getEncoder().encodeToString(("X-Key:" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertFalse(text.contains(base64), text);
  }

  @ParameterizedTest
  @EnumSource(value = AuthType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void aMissingSecretIsUnavailable(AuthType type) {
    assertProblem(
        ProblemCode.CREDENTIAL_UNAVAILABLE, () -> CredentialInjector.of(type, "X-Key", null));
  }

  @ParameterizedTest(name = "[{index}] secret ''{0}''")
  @ValueSource(strings = {"", "tok\r\nX-Injected: y", "tok\n", "tok\u0000", "tök", " tok", "tok\t"})
  void refusesSecretsThatCannotBeAHeaderValueWithoutEchoingThem(String secret) {
    String bearerDetail =
        assertProblem(
                ProblemCode.INVALID_REQUEST,
                () -> CredentialInjector.of(AuthType.BEARER, null, secret))
            .detail();
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> CredentialInjector.of(AuthType.API_KEY_HEADER, "X-Key", secret));

    assertFalse(!secret.isEmpty() && bearerDetail.contains(secret.strip()), bearerDetail);
  }

  @ParameterizedTest(name = "[{index}] header name ''{0}''")
  @ValueSource(
      strings = {
        "",
        "X Key",
        "X:Key",
        "Host",
        "Authorization",
        "Cookie",
        "X-Forwarded-For",
        ":path"
      })
  void refusesInvalidOrReservedApiKeyHeaderNames(String name) {
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> CredentialInjector.of(AuthType.API_KEY_HEADER, name, SECRET));
  }

  @Test
  void refusesAMissingApiKeyHeaderName() {
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> CredentialInjector.of(AuthType.API_KEY_HEADER, null, SECRET));
  }

  @ParameterizedTest(name = "[{index}] user ''{0}''")
  @ValueSource(strings = {"a:b", "user\r\n", "\u0000"})
  void refusesBasicUserNamesWithColonOrControls(String username) {
    assertProblem(
        ProblemCode.INVALID_REQUEST, () -> CredentialInjector.of(AuthType.BASIC, username, "pw"));
  }

  @Test
  void refusesBasicPasswordsWithControlsAndMissingUserNames() {
    assertProblem(
        ProblemCode.INVALID_REQUEST, () -> CredentialInjector.of(AuthType.BASIC, "u", "p\r\nw"));
    assertProblem(
        ProblemCode.INVALID_REQUEST, () -> CredentialInjector.of(AuthType.BASIC, null, "pw"));
  }

  @ParameterizedTest(name = "[{index}] parameter ''{0}''")
  @ValueSource(strings = {"", "api key", "api?key", "a=b", "a[b]", "k\u0000"})
  void refusesInvalidQueryParameterNames(String name) {
    assertProblem(
        ProblemCode.INVALID_REQUEST,
        () -> CredentialInjector.of(AuthType.QUERY_PARAM, name, SECRET));
  }

  @Test
  void refusesAnEmptyQueryParameterValue() {
    assertProblem(
        ProblemCode.INVALID_REQUEST, () -> CredentialInjector.of(AuthType.QUERY_PARAM, "k", ""));
  }
}
