package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BaseUrlTest {

  static final String ABSOLUTE =
      "Enter an absolute http:// or https:// URL, such as https://api.example.com/v1.";

  static Stream<Arguments> rejected() {
    return Stream.of(
        // schemes
        Arguments.of("javascript:alert(1)", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("JAVASCRIPT:alert(1)", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("JaVaScRiPt://a.com/%0Aalert(1)", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("data:text/html,x", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("file:///etc/passwd", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("ftp://a.com", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("ws://a.com", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("httpx://a.com", HttpUrlSyntax.ONLY_HTTP),
        Arguments.of("mailto:ops@a.com", HttpUrlSyntax.ONLY_HTTP),
        // not absolute
        Arguments.of("a.com/v1", ABSOLUTE),
        Arguments.of("//a.com/v1", ABSOLUTE),
        Arguments.of("/v1", ABSOLUTE),
        Arguments.of("https:a.com", ABSOLUTE),
        Arguments.of("https:/a.com", ABSOLUTE),
        Arguments.of("https:\\\\a.com", ABSOLUTE),
        Arguments.of("1https://a.com", ABSOLUTE),
        Arguments.of("", ABSOLUTE),
        // invisible characters
        Arguments.of(" https://a.com", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com ", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/v1\n", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com\r\nX: y", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/a\tb", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/a\u0000b", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/\u200Bx", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/\u202Ex", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/\u00A0x", HttpUrlSyntax.INVISIBLE),
        Arguments.of("https://a.com/\u3000x", HttpUrlSyntax.INVISIBLE),
        // user-info
        Arguments.of("https://user:pw@a.com", HttpUrlSyntax.USER_INFO),
        Arguments.of("https://user@a.com/v1", HttpUrlSyntax.USER_INFO),
        Arguments.of("https://@a.com", HttpUrlSyntax.USER_INFO),
        Arguments.of("https://a.com@evil.com", HttpUrlSyntax.USER_INFO),
        Arguments.of("https://a.com\\@evil.com", HttpUrlSyntax.USER_INFO),
        // query and fragment
        Arguments.of("https://a.com?x=1", BaseUrl.NO_QUERY),
        Arguments.of("https://a.com?", BaseUrl.NO_QUERY),
        Arguments.of("https://a.com/v1?", BaseUrl.NO_QUERY),
        Arguments.of("https://a.com/v1?a#b", BaseUrl.NO_QUERY),
        Arguments.of("https://a.com#x", BaseUrl.NO_FRAGMENT),
        Arguments.of("https://a.com#", BaseUrl.NO_FRAGMENT),
        Arguments.of("https://a.com/v1#?x", BaseUrl.NO_FRAGMENT),
        // host
        Arguments.of("http:///x", UrlHost.NO_HOST),
        Arguments.of("https://", UrlHost.NO_HOST),
        Arguments.of("https://:443/v1", UrlHost.NO_HOST),
        Arguments.of("https://exämple.com", UrlHost.NON_ASCII_HOST),
        Arguments.of("https://\u0430pple.com", UrlHost.NON_ASCII_HOST),
        Arguments.of("https://faß.de", UrlHost.NON_ASCII_HOST),
        Arguments.of("https://a.com./v1", UrlHost.TRAILING_DOT),
        Arguments.of("https://a_b.example.com", UrlHost.BAD_HOST),
        Arguments.of("https://-a.com", UrlHost.BAD_HOST),
        Arguments.of("https://a-.com", UrlHost.BAD_HOST),
        Arguments.of("https://a..com", UrlHost.BAD_HOST),
        Arguments.of("https://.a.com", UrlHost.BAD_HOST),
        Arguments.of("https://.", UrlHost.BAD_HOST),
        Arguments.of("https://a.123", UrlHost.BAD_HOST),
        Arguments.of("https://2130706433", UrlHost.BAD_HOST),
        Arguments.of("https://0x7f.1", UrlHost.BAD_HOST),
        Arguments.of("https://0x7f000001", UrlHost.BAD_HOST),
        Arguments.of("https://127.1", UrlHost.BAD_HOST),
        Arguments.of("https://127.0.0.01", UrlHost.BAD_HOST),
        Arguments.of("https://1.2.3.256", UrlHost.BAD_HOST),
        Arguments.of("https://1.2.3.4.5", UrlHost.BAD_HOST),
        Arguments.of("https://017700000001", UrlHost.BAD_HOST),
        Arguments.of("https://a%2ecom", UrlHost.BAD_HOST),
        Arguments.of("https://a.com\\.evil.com", UrlHost.BAD_HOST),
        Arguments.of("https://" + "a".repeat(64) + ".com", UrlHost.BAD_HOST),
        Arguments.of("https://" + "abcdefghi.".repeat(26) + "com", UrlHost.BAD_HOST),
        Arguments.of("https://::1/v1", UrlHost.BAD_HOST),
        Arguments.of("https://[::1", UrlHost.BAD_HOST),
        Arguments.of("https://[::1/64]", UrlHost.BAD_HOST),
        Arguments.of("https://[::1]x", UrlHost.BAD_HOST),
        Arguments.of("https://[]", UrlHost.BAD_HOST),
        Arguments.of("https://[fe80::1%25eth0]", UrlHost.BAD_HOST),
        Arguments.of("https://[v1.x]", UrlHost.BAD_HOST),
        Arguments.of("https://[1.2.3.4]", UrlHost.BAD_HOST),
        Arguments.of("https://[1:2:3:4:5:6:7:8:9]", UrlHost.BAD_HOST),
        Arguments.of("https://[::g]", UrlHost.BAD_HOST),
        // port
        Arguments.of("https://a.com:0", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:65536", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:/v1", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:-1", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:8o", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:4294967739", HttpUrlSyntax.BAD_PORT),
        Arguments.of("https://a.com:443:443", UrlHost.BAD_HOST),
        Arguments.of("https://[::1]:0", HttpUrlSyntax.BAD_PORT),
        // path
        Arguments.of("https://a.com/v1/../admin", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/..", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/./v1", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/.", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/./", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/%2e%2e", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/%2E%2e/admin", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/.%2E", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/%2e", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/%252e%252e", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/%25252e%25252e", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/..;/admin", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/..;jsessionid=x", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/v1/..%3B", BasePath.DOT_SEGMENT),
        Arguments.of("https://a.com/a%2fb", BasePath.ENCODED_SEPARATOR),
        Arguments.of("https://a.com/a%2Fb", BasePath.ENCODED_SEPARATOR),
        Arguments.of("https://a.com/a%5cb", BasePath.ENCODED_SEPARATOR),
        Arguments.of("https://a.com/a%5C..", BasePath.ENCODED_SEPARATOR),
        Arguments.of("https://a.com/a%252fb", BasePath.ENCODED_SEPARATOR),
        Arguments.of("https://a.com/a%00b", BasePath.ENCODED_CONTROL),
        Arguments.of("https://a.com/a%0d%0aX:y", BasePath.ENCODED_CONTROL),
        Arguments.of("https://a.com/a%7f", BasePath.ENCODED_CONTROL),
        Arguments.of("https://a.com/a%2509", BasePath.ENCODED_CONTROL),
        Arguments.of("https://a.com//v1", BasePath.EMPTY_SEGMENT),
        Arguments.of("https://a.com/v1//x", BasePath.EMPTY_SEGMENT),
        Arguments.of("https://a.com/a\\b", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/v1{id}", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/<script>", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/\"x\"", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/bücher", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/\uFF0E\uFF0E", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/a|b", HttpUrlSyntax.MUST_ENCODE),
        Arguments.of("https://a.com/a%zz", HttpUrlSyntax.BAD_PERCENT),
        Arguments.of("https://a.com/a%2", HttpUrlSyntax.BAD_PERCENT),
        Arguments.of("https://a.com/a%", HttpUrlSyntax.BAD_PERCENT),
        // length
        Arguments.of(
            "https://a.com/" + "x".repeat(2049 - "https://a.com/".length()),
            "Use at most 2048 characters for the URL."));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsWithAMessageThatSaysWhatToFix(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BaseUrl.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsNull() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BaseUrl.parse(null));
    assertEquals(ABSOLUTE, e.getMessage());
  }

  @Test
  void neverEchoesTheTextInItsMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BaseUrl.parse("https://admin:Hunter2Secret@a.com/v1"));
    assertFalse(e.getMessage().contains("Hunter2Secret"), e.getMessage());
    assertFalse(e.getMessage().contains("admin"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "HTTPS://A.COM/V1/, https://a.com/V1",
    "https://a.com/v1/, https://a.com/v1",
    "https://a.com/v1///, https://a.com/v1",
    "https://a.com/, https://a.com",
    "https://a.com, https://a.com",
    "https://API.Example.COM, https://api.example.com",
    "https://a.com:443/x, https://a.com/x",
    "HTTPS://a.com:443, https://a.com",
    "http://a.com:80/, http://a.com",
    "http://a.com:443, http://a.com:443",
    "https://a.com:80, https://a.com:80",
    "https://a.com:00443, https://a.com",
    "https://a.com:8443/v1, https://a.com:8443/v1",
    "https://a.com:65535, https://a.com:65535",
    "http://localhost:1, http://localhost:1",
    "https://[::1]:8080/x, https://[::1]:8080/x",
    "https://[0:0:0:0:0:0:0:1]/, https://[::1]",
    "https://[2001:DB8::1]:443/v1, https://[2001:db8::1]/v1",
    "https://127.0.0.1:8080/api, https://127.0.0.1:8080/api",
    "http://10.0.0.255, http://10.0.0.255",
    "https://[::ffff:127.0.0.1], https://[::ffff:7f00:1]",
    "https://api2.example.com/v1, https://api2.example.com/v1",
    "https://xn--bcher-kva.example/api, https://xn--bcher-kva.example/api",
    "https://a.com/a%20b/%7Euser, https://a.com/a%20b/%7Euser",
    "https://a.com/v1;v=2, https://a.com/v1;v=2",
    "https://a.com/.well-known/api, https://a.com/.well-known/api",
    "https://a.com/.../x, https://a.com/.../x",
    "https://a.com/..a/a.., https://a.com/..a/a..",
    "https://a.com/%2e%2ex, https://a.com/%2e%2ex",
    "https://a.com/~user/api:v2/@x, https://a.com/~user/api:v2/@x",
    "https://a-b.c-d.example, https://a-b.c-d.example",
    "http://localhost, http://localhost"
  })
  void normalisesSchemeHostPortAndTrailingSlash(String text, String normalised) {
    BaseUrl url = BaseUrl.parse(text);
    assertEquals(normalised, url.toString());
    assertEquals(url, BaseUrl.parse(normalised), "normalising twice changes nothing");
  }

  @Test
  void acceptsTheLongestAllowedUrl() {
    String text = "https://a.com/" + "x".repeat(2048 - "https://a.com/".length());
    assertEquals(2048, text.length());
    assertEquals(text, BaseUrl.parse(text).toString());
  }

  @Test
  void exposesItsParts() {
    BaseUrl url = BaseUrl.parse("HTTPS://Api.Example.com:8443/v1/a%20b/");
    assertEquals("https", url.scheme());
    assertEquals("api.example.com", url.host());
    assertEquals(8443, url.port());
    assertEquals("/v1/a%20b", url.path());
    assertEquals("https://api.example.com:8443", url.origin());
    assertEquals(URI.create("https://api.example.com:8443/v1/a%20b"), url.toUri());
  }

  @ParameterizedTest
  @CsvSource({
    "https://a.com, https, a.com, 443, ''",
    "http://a.com/x, http, a.com, 80, /x",
    "http://a.com:8080, http, a.com, 8080, ''",
    "https://[::1]:9443/v1, https, ::1, 9443, /v1",
    "https://[2001:db8::1], https, 2001:db8::1, 443, ''"
  })
  void reportsTheEffectivePort(String text, String scheme, String host, int port, String path) {
    BaseUrl url = BaseUrl.parse(text);
    assertEquals(scheme, url.scheme());
    assertEquals(host, url.host());
    assertEquals(port, url.port());
    assertEquals(path, url.path());
  }

  @Test
  void keepsBracketsAroundIpv6InUriAndOrigin() {
    BaseUrl url = BaseUrl.parse("https://[::1]:8080/x");
    assertEquals("https://[::1]:8080", url.origin());
    assertEquals("[::1]", url.toUri().getHost());
    assertEquals(8080, url.toUri().getPort());
  }

  @Test
  void toUriAlwaysHasAHostAndNoUserInfoQueryOrFragment() {
    for (String text : new String[] {"https://a.com", "http://[::1]:1/a%2Bb", "https://x.y/z;p"}) {
      URI uri = BaseUrl.parse(text).toUri();
      assertTrue(uri.getHost() != null, text);
      assertEquals(null, uri.getRawUserInfo());
      assertEquals(null, uri.getRawQuery());
      assertEquals(null, uri.getRawFragment());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "https://a.com/v1, HTTPS://A.com:443/v2",
    "https://a.com, https://a.com/",
    "http://a.com:80/x, http://A.COM/y",
    "https://[::1]:8080, https://[0:0:0:0:0:0:0:1]:8080/v9"
  })
  void sameOriginIgnoresCaseDefaultPortsAndPath(String one, String other) {
    assertTrue(BaseUrl.parse(one).sameOrigin(BaseUrl.parse(other)));
    assertTrue(BaseUrl.parse(other).sameOrigin(BaseUrl.parse(one)));
  }

  @ParameterizedTest
  @CsvSource({
    "https://a.com, http://a.com",
    "https://a.com, https://a.com:8443",
    "http://a.com, http://a.com:443",
    "https://a.com, https://b.a.com",
    "https://a.com, https://a.co",
    "https://[::1], https://127.0.0.1",
    "https://a.com:8080, https://a.com:8081"
  })
  void differentSchemeHostOrPortIsAnotherOrigin(String one, String other) {
    assertFalse(BaseUrl.parse(one).sameOrigin(BaseUrl.parse(other)));
  }

  @Test
  void isNeverTheSameOriginAsNull() {
    assertFalse(BaseUrl.parse("https://a.com").sameOrigin(null));
  }

  @Test
  void equalsComparesTheNormalisedText() {
    BaseUrl one = BaseUrl.parse("HTTPS://A.com:443/v1/");
    BaseUrl two = BaseUrl.parse("https://a.com/v1");
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertNotEquals(two, BaseUrl.parse("https://a.com/V1"));
    assertNotEquals(two, BaseUrl.parse("https://a.com/v1/x"));
    assertNotEquals(two, "https://a.com/v1");
  }
}
