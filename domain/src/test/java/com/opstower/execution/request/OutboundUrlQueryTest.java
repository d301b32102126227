package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.credential.QueryCredential;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlQueryTest {

  private static final URI BASE = URI.create("https://api.example.com/v1");
  private static final QueryCredential API_KEY = new QueryCredential("api_key", "s3cr+t/=&");

  private static String rawQuery(Map<String, List<String>> query, QueryCredential credential) {
    return OutboundUrl.build(BASE, "/items", query, credential).getRawQuery();
  }

  private static Map<String, List<String>> single(String name, String value) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put(name, List.of(value));
    return query;
  }

  @Test
  void encodesArraysInOrderAndKeepsParameterOrder() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("customer", List.of("42"));
    query.put("tag", List.of("b", "a"));
    query.put("after", List.of("x"));

    assertEquals("customer=42&tag=b&tag=a&after=x", rawQuery(query, null));
  }

  @ParameterizedTest(name = "[{index}] value ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "&=#+{}        | %26%3D%23%2B%7B%7D",
        "a b           | a%20b",
        "x&admin=true  | x%26admin%3Dtrue",
        "100%          | 100%25",
        "%2e%2e        | %252e%252e",
        "ünï           | %C3%BCn%C3%AF",
        "~-._          | ~-._",
        "a/b?c         | a%2Fb%3Fc",
        "'\"<>         | %27%22%3C%3E",
        "$!*(),;:@     | %24%21%2A%28%29%2C%3B%3A%40",
        "[]\\^`        | %5B%5D%5C%5E%60",
        "\u3000        | %E3%80%80",
        "\"\"            | \"\"",
      })
  void encodesEveryValueCharacterAsData(String value, String expected) {
    assertEquals("q=" + expected, rawQuery(single("q", value), null));
  }

  @ParameterizedTest(name = "[{index}] name ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a&b=c      | a%26b%3Dc",
        "filter[x]  | filter%5Bx%5D",
        "{name}     | %7Bname%7D",
        "a+b        | a%2Bb",
        "a b        | a%20b",
      })
  void encodesEveryNameCharacterAsData(String name, String expected) {
    assertEquals(expected + "=1", rawQuery(single(name, "1"), null));
  }

  @Test
  void encodesAPipeAndAnEmptyValue() {
    assertEquals("a=%7C", rawQuery(single("a", "|"), null));
    assertEquals("b=", rawQuery(single("b", ""), null));
  }

  @Test
  void appendsTheCredentialLastAndEncodesIt() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("a", List.of("1"));
    query.put("b", List.of("2"));

    assertEquals("a=1&b=2&api_key=s3cr%2Bt%2F%3D%26", rawQuery(query, API_KEY));
  }

  @Test
  void sendsTheCredentialAloneWhenThereIsNoQuery() {
    assertEquals("api_key=s3cr%2Bt%2F%3D%26", rawQuery(null, API_KEY));
  }

  @Test
  void sendsNoQueryWhenThereIsNothingToSend() {
    assertNull(rawQuery(null, null));
    assertNull(rawQuery(Map.of(), null));
    assertEquals(
        "https://api.example.com/v1/items",
        OutboundUrl.build(BASE, "/items", Map.of(), null).toString());
  }

  @Test
  void leavesOutParametersWithoutValues() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("empty", List.of());
    query.put("absent", null);
    query.put("kept", List.of("1"));

    assertEquals("kept=1", rawQuery(query, null));
  }

  @Test
  void queryNeverChangesTheHostOrPath() {
    URI built = OutboundUrl.build(BASE, "/items", single("x", "@evil.com/#"), null);

    assertEquals("api.example.com", built.getHost());
    assertEquals("/v1/items", built.getRawPath());
    assertNull(built.getRawFragment());
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' is the credential''s parameter")
  @ValueSource(
      strings = {
        "api_key",
        "API_KEY",
        "Api_Key",
        "aPI_kEy",
        "%61pi_key",
        "%2561pi_key",
        "%252561pi_key",
        "api%5Fkey",
        "api%5fKEY",
        "api_key%00",
        "api_key\u200b",
        "\u200bapi_key",
        "api_key ",
        " api_key",
        "+api_key",
        "api_key+",
        "%20api_key",
        "api_key[]",
        "api_key[0]",
        "api_key[x][y]",
        "api.key",
        "api key",
        "api+key",
        "api%2Bkey",
        "api%20key",
        "api[key",
        "ａｐｉ＿ｋｅｙ",
        "API_KEY%5B%5D",
        "api_\u00adkey",
        "API_KEY%00%00",
        "%E2%80%8Bapi_key"
      })
  void refusesTheCredentialParameterInAnySpelling(String name) {
    ProblemException refused =
        assertProblem(ProblemCode.RESERVED_PARAMETER, () -> rawQuery(single(name, "x"), API_KEY));

    assertFalse(refused.detail().contains(API_KEY.value()), "detail never shows the credential");
    assertTrue(refused.detail().contains("query parameter"));
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' is a different parameter")
  @ValueSource(strings = {"api_keys", "apikey", "x_api_key", "api_key2", "key", "api"})
  void allowsParametersThatOnlyResembleTheCredential(String name) {
    assertTrue(rawQuery(single(name, "x"), API_KEY).endsWith("&api_key=s3cr%2Bt%2F%3D%26"));
  }

  @Test
  void allowsTheCredentialNameWhenTheConnectionHasNoQueryCredential() {
    assertEquals("api_key=x", rawQuery(single("api_key", "x"), null));
  }

  @Test
  void credentialNameComparisonFoldsTheStoredNameToo() {
    QueryCredential dotted = new QueryCredential("Api.Key", "v");

    assertProblem(ProblemCode.RESERVED_PARAMETER, () -> rawQuery(single("api_key", "x"), dotted));
  }

  @ParameterizedTest(name = "[{index}] name with {0}")
  @ValueSource(
      strings = {"a\r\nb", "a\u0000", "\tname", "a\u007f", "a\u0085", "a\nSet-Cookie", "\ud800"})
  void refusesControlCharactersInNames(String name) {
    assertProblem(ProblemCode.INVALID_REQUEST, () -> rawQuery(single(name, "x"), null));
  }

  @ParameterizedTest(name = "[{index}] value with {0}")
  @ValueSource(strings = {"a\r\nb", "a\u0000", "\tv", "a\u007f", "a\u009b", "x\ny", "\udc00"})
  void refusesControlCharactersInValues(String value) {
    assertProblem(ProblemCode.INVALID_REQUEST, () -> rawQuery(single("q", value), null));
  }

  @Test
  void refusesEmptyNamesAndNullValues() {
    assertProblem(ProblemCode.INVALID_REQUEST, () -> rawQuery(single("", "x"), null));
    Map<String, List<String>> nullValue = new LinkedHashMap<>();
    nullValue.put("q", new ArrayList<>(Arrays.asList("a", null)));
    assertProblem(ProblemCode.INVALID_REQUEST, () -> rawQuery(nullValue, null));
  }

  @Test
  void credentialToStringHidesTheValue() {
    assertFalse(API_KEY.toString().contains("s3cr"));
    assertTrue(API_KEY.toString().contains("api_key"));
  }

  @Test
  void injectedQueryCredentialEndsUpLastInTheUrl() {
    Connection connection =
        new Connection(
            new ConnectionDetails(
                null,
                BaseUrl.parse("https://api.example.com/v1"),
                AuthType.QUERY_PARAM,
                "key",
                null,
                null),
            "a b+c",
            Instant.now());
    QueryCredential credential = Credentials.of(connection).queryCredential();

    String url =
        OutboundUrl.build(
                URI.create("https://api.example.com/v1"),
                "/x",
                Map.of("q", List.of("1")),
                credential)
            .toString();

    assertEquals("https://api.example.com/v1/x?q=1&key=a%20b%2Bc", url);
  }
}
