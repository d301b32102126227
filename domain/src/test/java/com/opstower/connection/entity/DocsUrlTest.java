package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocsUrlTest {

  @ParameterizedTest
  @CsvSource({
    "https://api.example.com/openapi.json, https://api.example.com/openapi.json",
    "https://a.com/docs?format=yaml&v=2, https://a.com/docs?format=yaml&v=2",
    "https://a.com/docs#/paths/~1invoices, https://a.com/docs#/paths/~1invoices",
    "https://a.com/docs?, https://a.com/docs?",
    "https://a.com#, https://a.com#",
    "HTTPS://A.COM:443/Docs/, https://a.com/Docs/",
    "http://a.com:8080/x?q=a/b?c, http://a.com:8080/x?q=a/b?c",
    "https://[::1]:9000/spec, https://[::1]:9000/spec",
    "https://a.com/group%2Fproject/openapi.json, https://a.com/group%2Fproject/openapi.json",
    "https://a.com/v1/../openapi.json, https://a.com/v1/../openapi.json"
  })
  void acceptsQueriesAndFragmentsAndKeepsThePathAsTyped(String text, String normalised) {
    assertEquals(normalised, DocsUrl.parse(text).toString());
    assertEquals(URI.create(normalised), DocsUrl.parse(text).toUri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "ftp://a.com/spec",
        "//a.com/spec",
        "openapi.json",
        " https://a.com/spec",
        "https://a.com/spec\n",
        "https://user:pw@a.com/spec",
        "http:///spec",
        "https://",
        "https://a.com:0/spec",
        "https://a.com:65536/spec",
        "https://exämple.com/spec",
        "https://a.com/spec?q={x}",
        "https://a.com/spec?q=%zz",
        "https://a.com/spec#a#b",
        "https://a.com/sp ec",
        "https://a.com/spéc"
      })
  void rejectsWhatIsNotAPlainHttpUrl(String text) {
    assertThrows(IllegalArgumentException.class, () -> DocsUrl.parse(text));
  }

  @Test
  void refusesUrlsLongerThanTheLimit() {
    String prefix = "https://a.com/spec?q=";
    String longest = prefix + "x".repeat(ConnectionLimits.DOCS_URL_MAX - prefix.length());
    assertEquals(longest, DocsUrl.parse(longest).toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DocsUrl.parse(longest + "x"));
    assertEquals("Use at most 2048 characters for the URL.", e.getMessage());
  }

  @Test
  void suggestsADocsExampleWhenTheUrlIsNotAbsolute() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DocsUrl.parse("/openapi.json"));
    assertTrue(e.getMessage().contains("https://api.example.com/openapi.json"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "https://a.com/openapi.json, https://a.com/v1",
    "HTTPS://A.COM:443/openapi.json?x#y, https://a.com:443/v1",
    "http://a.com:80/docs, http://a.com/v1"
  })
  void isOnTheBaseUrlsOriginWhenSchemeHostAndPortMatch(String docs, String base) {
    assertTrue(DocsUrl.parse(docs).sameOrigin(BaseUrl.parse(base)));
  }

  @ParameterizedTest
  @CsvSource({
    "https://docs.a.com/openapi.json, https://a.com/v1",
    "http://a.com/openapi.json, https://a.com/v1",
    "https://a.com:8443/openapi.json, https://a.com/v1"
  })
  void isAnotherOriginOtherwise(String docs, String base) {
    assertFalse(DocsUrl.parse(docs).sameOrigin(BaseUrl.parse(base)));
    assertFalse(DocsUrl.parse(docs).sameOrigin(null));
  }

  @Test
  void equalsComparesTheNormalisedText() {
    assertEquals(DocsUrl.parse("HTTPS://A.com:443/x"), DocsUrl.parse("https://a.com/x"));
    assertEquals(
        DocsUrl.parse("HTTPS://A.com:443/x").hashCode(),
        DocsUrl.parse("https://a.com/x").hashCode());
    assertFalse(DocsUrl.parse("https://a.com/x").equals(DocsUrl.parse("https://a.com/X")));
  }
}
