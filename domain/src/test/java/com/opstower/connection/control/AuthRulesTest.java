package com.opstower.connection.control;

import static com.opstower.connection.control.ConnectionValidatorTest.onlyError;
import static com.opstower.connection.control.ConnectionValidatorTest.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.AuthType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"X-API-Key", "x-api-key", "Api-Key", "X_Custom.Key~1", "apikey", "Ocp-Apim-Key"})
  void acceptsTokenHeaderNames(String name) {
    assertEquals(List.of(), validate(Drafts.apiKey().headerName(name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X API Key",
        "X-Key:",
        "X-Key\r\nX-Evil: 1",
        "X-Kéy",
        "(key)",
        "X/Key",
        "X-Key ",
        "\"X\""
      })
  void rejectsHeaderNamesThatAreNotTokens(String name) {
    String message = onlyError(Drafts.apiKey().headerName(name), "auth.headerName");
    assertTrue(message.startsWith("Use only letters, digits"), message);
  }

  @Test
  void requiresAHeaderNameForApiKeyHeader() {
    onlyError(Drafts.apiKey().headerName(null), "auth.headerName");
    onlyError(Drafts.apiKey().headerName("  "), "auth.headerName");
  }

  @Test
  void limitsTheHeaderNameTo64Characters() {
    assertEquals(List.of(), validate(Drafts.apiKey().headerName("X".repeat(64))));
    onlyError(Drafts.apiKey().headerName("X".repeat(65)), "auth.headerName");
  }

  @Test
  void explainsThatAuthorizationIsReserved() {
    assertEquals(
        "'Authorization' is reserved; choose the header your API expects, such as X-API-Key.",
        onlyError(Drafts.apiKey().headerName("Authorization"), "auth.headerName"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "authorization",
        "Proxy-Authorization",
        "Cookie",
        "Host",
        "X-Forwarded-For",
        "x_forwarded_host",
        "Sec-Fetch-Mode",
        "Transfer-Encoding",
        "Content-Type",
        "content_type",
        "Content-Length",
        "Accept-Encoding",
        "User-Agent",
        "USER_AGENT",
        "Origin",
        "X-HTTP-Method-Override"
      })
  void refusesReservedAndServerSetHeaders(String name) {
    String message = onlyError(Drafts.apiKey().headerName(name), "auth.headerName");
    assertEquals(
        "'" + name + "' is reserved; choose the header your API expects, such as X-API-Key.",
        message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api_key", "key", "access-token", "X.Y", "k~1", "k!$'*^`|"})
  void acceptsTokenParameterNames(String name) {
    assertEquals(List.of(), validate(Drafts.queryParam().paramName(name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api key", "a=b", "a,b", "a?b", "a;b", "a/b", "k[]", "ключ", "a\u0000", "a&b", "a#b", "a+b",
        "a%26b"
      })
  void rejectsParameterNamesThatAreNotTokensOrHaveQuerySyntax(String name) {
    String message = onlyError(Drafts.queryParam().paramName(name), "auth.paramName");
    assertTrue(message.startsWith("Use only letters, digits"), message);
  }

  @Test
  void requiresAndLimitsTheParameterName() {
    onlyError(Drafts.queryParam().paramName(null), "auth.paramName");
    onlyError(Drafts.queryParam().paramName("k".repeat(65)), "auth.paramName");
    assertEquals(List.of(), validate(Drafts.queryParam().paramName("k".repeat(64))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"svc", "jane.doe@example.com", "Jürgen", "DOMAIN\\user", "a b"})
  void acceptsUsernames(String username) {
    assertEquals(List.of(), validate(Drafts.basic().username(username)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "user:name | Remove the colon: Basic authentication cannot send a user name that contains ':'.",
        "' svc' | Remove the spaces at the start or end of the user name.",
        "'svc ' | Remove the spaces at the start or end of the user name."
      })
  void rejectsUsernamesBasicAuthCannotCarry(String username, String message) {
    assertEquals(message, onlyError(Drafts.basic().username(username), "auth.username"));
  }

  @Test
  void rejectsMissingLongAndControlCharacterUsernames() {
    assertEquals("Enter the user name.", onlyError(Drafts.basic().username(null), "auth.username"));
    onlyError(Drafts.basic().username("u".repeat(257)), "auth.username");
    onlyError(Drafts.basic().username("svc\r\nX-Evil: 1"), "auth.username");
    onlyError(Drafts.basic().username("svc\u0000"), "auth.username");
    assertEquals(List.of(), validate(Drafts.basic().username("u".repeat(256))));
  }

  @Test
  void ignoresTheFieldsOfOtherAuthTypes() {
    Drafts bearerWithJunk =
        Drafts.bearer().headerName("Authorization").username("a:b").paramName("a b");
    assertEquals(List.of(), validate(bearerWithJunk));
    Drafts noneWithSecret = Drafts.none().secret("ignored\r\n\u0000x").headerName("Host");
    assertEquals(List.of(), validate(noneWithSecret));
  }

  @ParameterizedTest
  @CsvSource({
    "BEARER, auth.token",
    "API_KEY_HEADER, auth.apiKey",
    "BASIC, auth.password",
    "QUERY_PARAM, auth.paramValue"
  })
  void namesTheSecretFieldByAuthType(AuthType type, String field) {
    assertEquals(Optional.of(field), ConnectionFields.secretField(type));
  }

  @Test
  void noAuthHasNoSecretField() {
    assertEquals(Optional.empty(), ConnectionFields.secretField(AuthType.NONE));
  }
}
