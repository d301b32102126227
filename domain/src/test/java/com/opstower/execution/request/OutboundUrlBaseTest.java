package com.opstower.execution.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlBaseTest {

  @ParameterizedTest(name = "[{index}] {0} + ''{1}'' -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://api.example.com          | /x      | https://api.example.com/x",
        "https://api.example.com          | ''      | https://api.example.com/",
        "https://api.example.com/         | /x      | https://api.example.com/x",
        "https://api.example.com/         | /       | https://api.example.com/",
        "https://api.example.com/v1       | /x      | https://api.example.com/v1/x",
        "https://api.example.com/v1       | x       | https://api.example.com/v1/x",
        "https://api.example.com/v1/      | /x      | https://api.example.com/v1/x",
        "https://api.example.com/v1/      | x/      | https://api.example.com/v1/x/",
        "https://api.example.com/v1/      | ''      | https://api.example.com/v1/",
        "https://api.example.com/v1///    | /x      | https://api.example.com/v1/x",
        "https://api.example.com/a/b/c    | /d      | https://api.example.com/a/b/c/d",
        "http://127.0.0.1:8080/api        | /x      | http://127.0.0.1:8080/api/x",
        "http://127.0.0.1:8080            | /x/y    | http://127.0.0.1:8080/x/y",
        "https://[::1]:8443/v1            | /x      | https://[::1]:8443/v1/x",
        "https://api.example.com:443/v1   | /x      | https://api.example.com:443/v1/x",
        "https://api.example.com/my%20api | /x      | https://api.example.com/my%20api/x",
        "HTTPS://API.example.com/V1       | /x      | https://API.example.com/V1/x",
      })
  void keepsTheStoredOriginAndBasePath(String base, String path, String expected) {
    URI built = OutboundUrl.build(URI.create(base), path, Map.of(), null);

    assertEquals(expected, built.toString());
    assertEquals(URI.create(base).getPort(), built.getPort());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "https://user:pw@api.example.com/v1",
        "https://api.example.com/v1?a=1",
        "https://api.example.com/v1#top",
        "ftp://api.example.com/",
        "file:///etc/passwd",
        "/relative/only",
        "mailto:ops@example.com",
      })
  void refusesBaseUrlsThatWereNeverValid(String base) {
    assertThrows(
        IllegalArgumentException.class,
        () -> OutboundUrl.build(URI.create(base), "/x", Map.of(), null));
  }

  @org.junit.jupiter.api.Test
  void refusesAMissingBaseUrl() {
    assertThrows(IllegalArgumentException.class, () -> OutboundUrl.build(null, "/x", null, null));
  }
}
