package com.opstower.execution.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request record refuses what the adapter must own and never prints a credential. */
class UpstreamRequestTest {

  private static UpstreamRequest get(String uri, Map<String, String> headers) {
    return new UpstreamRequest(RequestMethod.GET, URI.create(uri), headers, null);
  }

  @Test
  void toStringHidesTheQueryAndHeaderValues() {
    UpstreamRequest request =
        get(
            "https://api.example.com/v1/items?api_key=SECRET-QUERY&x=1",
            Map.of("Authorization", "Bearer SECRET-HEADER"));

    String text = request.toString();
    assertFalse(text.contains("SECRET"), text);
    assertFalse(text.contains("api_key"), text);
    assertTrue(text.contains("GET https://api.example.com:443/v1/items?[query hidden]"), text);
    assertTrue(text.contains("[Authorization]"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Host",
        "content-length",
        "Content-Type",
        "Transfer-Encoding",
        "Connection",
        "Expect",
        "TE",
        "Upgrade",
        "Accept-Encoding",
        "User-Agent"
      })
  void refusesHeadersTheAdapterSetsItself(String name) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> get("http://api.example.com/", Map.of(name, "x")));
    assertTrue(e.getMessage().contains(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "nul\u0000", "caf\u00e9"})
  void refusesHeaderValuesThatCouldSplitOrCorruptTheMessage(String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> get("http://api.example.com/", Map.of("X-Test", value)));
    assertFalse(e.getMessage().contains(value), "the value may be a secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Space", "X:Colon", "", "X\r\nY"})
  void refusesInvalidHeaderNames(String name) {
    assertThrows(
        IllegalArgumentException.class, () -> get("http://api.example.com/", Map.of(name, "v")));
  }

  @Test
  void refusesTheSameHeaderTwiceInDifferentCase() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Trace", "1");
    headers.put("x-trace", "2");
    assertThrows(IllegalArgumentException.class, () -> get("http://api.example.com/", headers));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://api.example.com/", "file:///etc/passwd", "/relative", "http:opaque"})
  void refusesAnythingButAbsoluteHttpUrls(String uri) {
    assertThrows(IllegalArgumentException.class, () -> get(uri, Map.of()));
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestMethod.class,
      names = {"GET", "DELETE"})
  void refusesABodyOnMethodsWithoutOne(RequestMethod method) {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new UpstreamRequest(
                method, URI.create("http://a.test/"), Map.of(), OutboundBody.text("x", null)));
  }

  @Test
  void aMissingBodyOrHeaderMapMeansNone() {
    UpstreamRequest request =
        new UpstreamRequest(RequestMethod.POST, URI.create("http://a.test/"), null, null);
    assertFalse(request.body().isPresent());
    assertEquals(Map.of(), request.headers());
    assertEquals("a.test:80", request.destination());
  }

  @Test
  void headersKeepTheirOrderAndCannotBeChangedAfterwards() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("B", "2");
    headers.put("A", "1");
    UpstreamRequest request = get("http://a.test/", headers);
    headers.put("C", "3");

    assertEquals(java.util.List.of("B", "A"), java.util.List.copyOf(request.headers().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> request.headers().put("D", "4"));
  }
}
