package com.opstower.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UiPaths#safeNext}: where a sign-in may continue, and every way out of the site refused.
 */
class SafeNextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/agents",
        "/agents/",
        "/agents/0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88",
        "/connections/new/external-api",
        "/connections/0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88/edit",
        "/tokens",
        "/activity?agent=0b6f2c1e&connection=&page=2",
        "/activity?from=2025-01-01T00:00:00Z&q=a%20b",
        "/activity?next=//evil.com",
        "/account/password",
        "/loginx",
        "/apis",
        "/api-docs"
      })
  void acceptsPagesOfThisSite(String next) {
    assertEquals(Optional.of(next), UiPaths.safeNext(next), next);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesNothing(String next) {
    assertEquals(Optional.empty(), UiPaths.safeNext(next));
  }

  static Stream<String> otherSites() {
    return Stream.of(
        "//evil.com",
        "//evil.com/agents",
        "///evil.com",
        "////evil.com",
        "/\\evil.com",
        "/\\/evil.com",
        "\\\\evil.com",
        "\\/evil.com",
        "/agents\\..\\..\\evil",
        "https://evil.com",
        "http://evil.com/agents",
        "HTTPS://evil.com",
        "http:/evil.com",
        "http:evil.com",
        "evil.com",
        "agents",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "/javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        " /agents",
        "\t/agents",
        "/%2F%2Fevil.com",
        "/%2f%2fevil.com",
        "/%2Fevil.com",
        "/%5Cevil.com",
        "/%5cevil.com",
        "/%09/evil.com",
        "/%252F%252Fevil.com",
        "/%255Cevil.com",
        "//@evil.com",
        "//user@evil.com",
        "/agents#//evil.com");
  }

  @ParameterizedTest
  @MethodSource("otherSites")
  void refusesEveryWayToAnotherSite(String next) {
    assertEquals(Optional.empty(), UiPaths.safeNext(next), next);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/agents\r\nSet-Cookie: a=b",
        "/agents\r",
        "/agents\n",
        "/agents\u0000",
        "/agents\u007f",
        "/agents\u0085",
        "/agents\u2028",
        "/agents%0d%0aSet-Cookie:%20a=b",
        "/agents%0D%0A",
        "/agents%00",
        "/agents%7f",
        "/agents%1b",
        "/activity?q=%0a",
        "/a b",
        "/agents?q=a b",
        "/agents\"onload=\"x",
        "/agents<script>",
        "/ag`ents",
        "/agënts",
        "/agents%",
        "/agents%2",
        "/agents%zz",
        "/agents%\u0663\u0663",
        "/agents\uff0f\uff0fevil.com"
      })
  void refusesControlCharactersAndAnythingOutsideUrlSyntax(String next) {
    assertEquals(Optional.empty(), UiPaths.safeNext(next), next);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/login",
        "/login?next=/agents",
        "/login/",
        "/login/x",
        "/logout",
        "/logout?x",
        "/api",
        "/api/",
        "/api/v1/tokens",
        "/api?x=1",
        "/health",
        "/health/ready",
        "/metrics",
        "/openapi",
        "/assets/app.js",
        "/assets/pico.min.css"
      })
  void refusesTheSignInPagesAndWhatTheUiDoesNotServe(String next) {
    assertEquals(Optional.empty(), UiPaths.safeNext(next), next);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/agents/../login",
        "/agents/./x",
        "/agents/%2e%2e/login",
        "/agents/%2E%2E/api/v1/tokens",
        "/api/../agents",
        "/agents;jsessionid=abc",
        "/api;x/v1"
      })
  void refusesDotSegmentsAndPathParameters(String next) {
    assertEquals(Optional.empty(), UiPaths.safeNext(next), next);
  }

  @Test
  void refusesOverlongLinks() {
    String longest = "/" + "a".repeat(UiPaths.NEXT_MAX - 1);
    assertEquals(Optional.of(longest), UiPaths.safeNext(longest));
    assertEquals(Optional.empty(), UiPaths.safeNext(longest + "a"));
  }

  @Test
  void everyAcceptedLinkIsARelativeUriOfThisSite() {
    for (String next : new String[] {"/agents", "/activity?agent=x&page=2", "/"}) {
      java.net.URI uri = java.net.URI.create(UiPaths.safeNext(next).orElseThrow());
      assertEquals(null, uri.getScheme(), next);
      assertEquals(null, uri.getAuthority(), next);
      assertTrue(uri.getPath().startsWith("/"), next);
      assertEquals(
          "https://opstower.example",
          java.net
              .URI
              .create("https://opstower.example/x/y")
              .resolve(uri)
              .toString()
              .substring(0, "https://opstower.example".length()),
          next);
    }
  }
}
