package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeaderFilterTest {

  static final String SECRET = "api+key/with space=&";

  private final SecretRedactor redactor =
      new SecretRedactor(List.of(SECRET, "bob:pw-Secret-9", "pw-Secret-9"));

  private Map<String, String> filter(Map<String, List<String>> headers) {
    return ResponseHeaderFilter.filter(headers, redactor);
  }

  @Test
  void namesAreLowerCasedAndSorted() {
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    upstream.put("X-Zeta", List.of("z"));
    upstream.put("Content-Type", List.of("application/json"));
    upstream.put("ETag", List.of("\"v1\""));

    Map<String, String> filtered = filter(upstream);

    assertEquals(List.of("content-type", "etag", "x-zeta"), new ArrayList<>(filtered.keySet()));
    assertEquals("\"v1\"", filtered.get("etag"));
  }

  @Test
  void multipleValuesAreJoinedWithCommaSpace() {
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    upstream.put("Vary", List.of("Accept", "Origin"));
    upstream.put("vary", List.of("Accept-Encoding"));

    assertEquals(Map.of("vary", "Accept, Origin, Accept-Encoding"), filter(upstream));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Set-Cookie",
        "set-cookie",
        "SET-COOKIE2",
        "Connection",
        "Keep-Alive",
        "Proxy-Authenticate",
        "Proxy-Authorization",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Transfer-Encoding",
        "Upgrade"
      })
  void dropsCookiesAndHopByHopHeaders(String name) {
    Map<String, List<String>> upstream = new HashMap<>();
    upstream.put(name, List.of("value"));
    upstream.put("X-Kept", List.of("yes"));

    assertEquals(Map.of("x-kept", "yes"), filter(upstream));
  }

  @Test
  void dropsHeadersNamedInTheConnectionHeader() {
    Map<String, List<String>> upstream = new HashMap<>();
    upstream.put("Connection", List.of("close, X-Hop-One", " x-hop-two "));
    upstream.put("X-Hop-One", List.of("1"));
    upstream.put("X-HOP-TWO", List.of("2"));
    upstream.put("X-End-To-End", List.of("3"));

    assertEquals(Map.of("x-end-to-end", "3"), filter(upstream));
  }

  @Test
  void dropsTheStatusLineReportedUnderANullNameAndPseudoHeaders() {
    Map<String, List<String>> upstream = new HashMap<>();
    upstream.put(null, List.of("HTTP/1.1 200 OK"));
    upstream.put(":status", List.of("200"));
    upstream.put("", List.of("empty name"));
    upstream.put("Date", List.of("Mon, 01 Jan 2024 00:00:00 GMT"));

    assertEquals(Map.of("date", "Mon, 01 Jan 2024 00:00:00 GMT"), filter(upstream));
  }

  @Test
  void skipsNullValueListsAndNullValues() {
    Map<String, List<String>> upstream = new HashMap<>();
    upstream.put("X-None", null);
    upstream.put("X-Some", Arrays.asList("a", null, "b"));

    assertEquals(Map.of("x-some", "a, b"), filter(upstream));
  }

  @Test
  void redactsSecretInLocationQuery() {
    String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    Map<String, List<String>> upstream =
        Map.of("Location", List.of("https://x.example/cb?key=" + encoded + "&state=1"));

    assertEquals("https://x.example/cb?key=[REDACTED]&state=1", filter(upstream).get("location"));
  }

  @Test
  void redactsSecretInLocationWithPercent20AndLowerHex() {
    String encoded =
        URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "%2f");
    Map<String, List<String>> upstream = Map.of("Location", List.of("/cb?key=" + encoded));

    assertEquals("/cb?key=[REDACTED]", filter(upstream).get("location"));
  }

  @Test
  void redactsSecretInLinkHeader() {
    Map<String, List<String>> upstream =
        Map.of(
            "Link",
            List.of(
                "<https://x.example/p?page=2&key=" + SECRET + ">; rel=\"next\"",
                "<https://x.example/p?page=9>; rel=\"last\""));

    assertEquals(
        "<https://x.example/p?page=2&key=[REDACTED]>; rel=\"next\", "
            + "<https://x.example/p?page=9>; rel=\"last\"",
        filter(upstream).get("link"));
  }

  @Test
  void redactsBasicCredentialsEchoedInWwwAuthenticate() {
    String basic = Base64.getEncoder().encodeToString("bob:pw-Secret-9".getBytes());
    Map<String, List<String>> upstream =
        Map.of(
            "WWW-Authenticate",
            List.of("Basic realm=\"api\", error=\"bad credentials " + basic + "\""));

    String value = filter(upstream).get("www-authenticate");

    assertEquals("Basic realm=\"api\", error=\"bad credentials [REDACTED]\"", value);
  }

  @Test
  void redactsSecretSplitAcrossNothingButPresentInEveryValue() {
    Map<String, List<String>> upstream = Map.of("X-Echo", List.of(SECRET, "ok", SECRET));

    assertEquals("[REDACTED], ok, [REDACTED]", filter(upstream).get("x-echo"));
  }

  @Test
  void dropsAHeaderWhoseNameCarriesTheSecret() {
    Map<String, List<String>> upstream =
        Map.of("X-pw-Secret-9", List.of("1"), "X-Fine", List.of("2"));

    Map<String, String> filtered = filter(upstream);

    assertEquals(Map.of("x-fine", "2"), filtered);
    assertFalse(filtered.toString().contains("pw-Secret-9"));
  }

  @Test
  void nullHeaderMapGivesEmptyResult() {
    assertTrue(ResponseHeaderFilter.filter(null, redactor).isEmpty());
  }
}
