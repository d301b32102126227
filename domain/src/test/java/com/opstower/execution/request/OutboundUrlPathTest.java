package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlPathTest {

  private static final URI BASE = URI.create("https://api.example.com/v1");

  private static URI build(String path) {
    return OutboundUrl.build(BASE, path, Map.of(), null);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/invoices          | https://api.example.com/v1/invoices",
        "invoices           | https://api.example.com/v1/invoices",
        "invoices/42        | https://api.example.com/v1/invoices/42",
        "/v1/items/         | https://api.example.com/v1/v1/items/",
        "/a b               | https://api.example.com/v1/a%20b",
        "/a%20b             | https://api.example.com/v1/a%20b",
        "/ünï               | https://api.example.com/v1/%C3%BCn%C3%AF",
        "/日本               | https://api.example.com/v1/%E6%97%A5%E6%9C%AC",
        "/a:b               | https://api.example.com/v1/a:b",
        "/things:batchGet   | https://api.example.com/v1/things:batchGet",
        "values:batchGet    | https://api.example.com/v1/values:batchGet",
        "a:b                | https://api.example.com/v1/a:b",
        "x-y.z+w:foo        | https://api.example.com/v1/x-y.z%2Bw:foo",
        "spreadsheets/1:append | https://api.example.com/v1/spreadsheets/1:append",
        "/{x}               | https://api.example.com/v1/%7Bx%7D",
        "/%7Bx%7D           | https://api.example.com/v1/%7Bx%7D",
        "/a+b               | https://api.example.com/v1/a%2Bb",
        "/a;b               | https://api.example.com/v1/a%3Bb",
        "/a.b               | https://api.example.com/v1/a.b",
        "/a..b              | https://api.example.com/v1/a..b",
        "/.well-known/x     | https://api.example.com/v1/.well-known/x",
        "/%41bc             | https://api.example.com/v1/Abc",
        "/100%25            | https://api.example.com/v1/100%25",
        "/a%3Fb             | https://api.example.com/v1/a%3Fb",
        "/a%23b             | https://api.example.com/v1/a%23b",
        "/~user/a-b_c       | https://api.example.com/v1/~user/a-b_c",
        "/a@b               | https://api.example.com/v1/a%40b",
        "/<script>          | https://api.example.com/v1/%3Cscript%3E",
        "/a&b=c             | https://api.example.com/v1/a%26b%3Dc",
        "/a$b!c*(d)         | https://api.example.com/v1/a%24b%21c%2A%28d%29",
        "/a%2Cb             | https://api.example.com/v1/a%2Cb",
        "/a'b               | https://api.example.com/v1/a%27b",
        "/ a                | https://api.example.com/v1/%20a",
      })
  void appendsValidPathsUnderTheBasePath(String path, String expected) {
    URI built = build(path);

    assertEquals(expected, built.toString());
    assertEquals("api.example.com", built.getHost());
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' is the base itself")
  @ValueSource(strings = {"", "/"})
  void emptyPathOrSlashMeansTheBaseItself(String path) {
    assertEquals("https://api.example.com/v1", build(path).toString());
  }

  @Test
  void quotedStringInPathIsEncoded() {
    assertEquals("https://api.example.com/v1/a%22b", build("/a\"b").toString());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostilePaths")
  void refusesHostilePaths(String path) {
    ProblemException refused = assertProblem(ProblemCode.PATH_NOT_ALLOWED, () -> build(path));

    assertTrue(refused.detail().length() < 300, "detail stays short");
    assertFalse(refused.detail().contains("\r") || refused.detail().contains("\n"));
  }

  static Stream<String> hostilePaths() {
    return Stream.of(
        // dot segments, raw
        "/../admin",
        "../admin",
        "..",
        ".",
        "/.",
        "/..",
        "/a/../b",
        "/a/./b",
        "/a/..",
        "/a/.",
        "./a",
        "/a/../../../etc/passwd",
        "/...",
        "/a/.../b",
        "/. .",
        "/.. ",
        "/ ..",
        // dot segments, encoded in any case and mixed
        "/%2e%2e/admin",
        "/%2E%2E/admin",
        "/%2e%2E/x",
        "/%2e/x",
        "/a/%2e",
        "/.%2e/",
        "/%2e./",
        "/a/.%2E/b",
        "/%2e%2e%20",
        "/a/%2e%2e",
        // double, triple and deeper encoding
        "/%252e%252e/",
        "/%252e/",
        "/%252E%252e/x",
        "/%25252e%25252e/x",
        "/.%252e/x",
        "/%2525252e%2525252e/x",
        "/%252525252e/x",
        // ';' path parameters hiding dot or empty segments
        "/..;/admin",
        "/a/..;/b",
        "/a/..;jsessionid=1/b",
        "/a/.;/b",
        "/a/;/b",
        "/a/;x/b",
        "/a/x;..",
        "/a/x;../b",
        "/a/%2e%2e;/b",
        "/a/%3b/b",
        "/a/%2e%2e%3b/b",
        "/a/x;.%2e",
        // encoded separators
        "/a/%2fb",
        "/a%2Fb",
        "/a/%5cb",
        "/a%5Cb",
        "/a%252fb",
        "/a%255cb",
        "%2f%2fevil.com",
        "/%2F%2Fevil.com",
        "/a%25252fb",
        // scheme-relative and empty segments
        "//evil.com",
        "//evil.com/x",
        "/a//b",
        "a//",
        "///",
        "//",
        "/a///b",
        // absolute URLs and other schemes
        "http://evil.com",
        "https://evil.com/x",
        "HTTP://x",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "file:///etc/passwd",
        "mailto:a@b",
        "data:text/html,x",
        "DATA:text/html,x",
        "vbscript:x",
        "ftp:x",
        "x-y.z+w://foo",
        "custom://host/x",
        "http:evil.com",
        "https:/evil.com",
        // backslashes
        "\\\\evil",
        "\\evil",
        "/a\\b",
        "/a/..\\..\\b",
        "/\\evil.com",
        // raw query and fragment markers
        "/a?b",
        "/a#b",
        "?x=1",
        "#frag",
        "/a?",
        "/a%253fb",
        "/a%2523b",
        // control characters raw and encoded
        "/a%0d%0aX: y",
        "/a\r\nX: y",
        "/a\nb",
        "/a\rb",
        "/a\tb",
        "/a%09b",
        "/a%00",
        "/a\u0000",
        "/a%7f",
        "/a\u007f",
        "/a%c2%85",
        "/a\u0085",
        "/a%C2%9B",
        "/a%0D",
        "/a%0A",
        "/a%250a",
        "/a%1b",
        "/a\u001b",
        // invisible formatting characters
        "/a\u200b",
        "/a\u202e",
        "/a%e2%80%ae",
        "/a\ufeff",
        "/a\u2028",
        "/a%E2%80%8B",
        // malformed escapes
        "/a/%2",
        "/a/%zz",
        "/a/%",
        "/a/%g0",
        "/a/%0",
        "/%%32e",
        "/a%u002e",
        "/a/%\uff12\uff45",
        "/a/%2 ",
        // not UTF-8 or overlong UTF-8
        "/%c0%ae%c0%ae/x",
        "/%c0%af",
        "/%e0%80%ae",
        "/%ff",
        "/%ed%a0%80",
        "/%25c0%25ae/x",
        "/a\ud800",
        // look-alikes of dot, slash, backslash, percent, '?', '#'
        "/ａ／．．",
        "/．．/admin",
        "/a／b",
        "/a＼b",
        "/a\u2024\u2024/x",
        "/a\u2025",
        "/a\u2215b",
        "/a\u2044b",
        "/a\u29f8b",
        "/\ufe52\ufe52/x",
        "/a%ef%bc%8e%ef%bc%8e",
        "/a%e2%88%95b",
        "/a％2e",
        "/a\ufe68b",
        "/a\uff1fb",
        "/a\uff03b",
        "/a\u3002\u3002",
        "/a\u2024%2e",
        "/a%E2%80%A4%E2%80%A4");
  }

  @Test
  void refusesPathsOverTheLengthLimit() {
    String longPath = "/" + "a".repeat(AgentPath.MAX_LENGTH);

    ProblemException refused = assertProblem(ProblemCode.PATH_NOT_ALLOWED, () -> build(longPath));

    assertTrue(refused.detail().contains("2048"));
  }

  @Test
  void acceptsAPathAtTheLengthLimit() {
    String path = "/" + "a".repeat(AgentPath.MAX_LENGTH - 1);

    assertTrue(build(path).getRawPath().endsWith("a".repeat(AgentPath.MAX_LENGTH - 1)));
  }

  @Test
  void nullPathIsAnInvalidRequest() {
    assertProblem(ProblemCode.INVALID_REQUEST, () -> build(null));
  }

  @Test
  void detailNamesThePathButEscapesControlCharactersAndTruncates() {
    String hostile = "/a\r\nX-Injected: yes" + "b".repeat(500);

    ProblemException refused = assertProblem(ProblemCode.PATH_NOT_ALLOWED, () -> build(hostile));

    assertTrue(refused.detail().contains("/a\\u000D\\u000AX-Injected"), refused.detail());
    assertFalse(refused.detail().contains("b".repeat(100)));
  }

  @Test
  void neverDecodesDoubleEncodingIntoTheSentPath() {
    assertEquals("/v1/a%2520b", build("/a%2520b").getRawPath());
  }
}
