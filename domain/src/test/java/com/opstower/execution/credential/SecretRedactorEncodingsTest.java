package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spellings an upstream may echo a secret in whatever it claims: the secret under every pair of
 * encoders (one applied to the other's output), in UTF-16 read as 8-bit text, in HTML references
 * and {@code \x} escapes; each found whole and no match longer than {@link
 * SecretRedactor#maxFormLength()}.
 */
class SecretRedactorEncodingsTest {

  static final String SECRET = SecretRedactorTest.SECRET;
  static final String UNICODE_SECRET = SecretRedactorTest.UNICODE_SECRET;
  static final String PREFIX = "{\"echo\":\"";
  static final String SUFFIX = "\",\"n\":1}";

  private final SecretRedactor redactor = new SecretRedactor(List.of(SECRET, UNICODE_SECRET));

  /** Named encoders, each a way real software writes text. */
  static Map<String, UnaryOperator<String>> encoders() {
    Map<String, UnaryOperator<String>> encoders = new LinkedHashMap<>();
    encoders.put("raw", s -> s);
    encoders.put("form-encoded", s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    encoders.put("encodeURIComponent", s -> encodeUriComponent(s, false));
    encoders.put("encodeURIComponent lower hex", s -> encodeUriComponent(s, true));
    encoders.put("every byte %XX", s -> everyByte(s, "%%%02X"));
    encoders.put("every byte \\xhh", s -> everyByte(s, "\\x%02x"));
    encoders.put("JSON", s -> s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
    encoders.put("JSON every unit", SecretRedactorEncodingsTest::jsonEveryUnit);
    encoders.put("HTML minimal", SecretRedactorEncodingsTest::htmlMinimal);
    encoders.put("HTML decimal", s -> htmlEveryCodePoint(s, "&#%d;"));
    encoders.put("HTML hex", s -> htmlEveryCodePoint(s, "&#x%x;"));
    encoders.put("HTML named", SecretRedactorEncodingsTest::htmlNamed);
    encoders.put("UTF-16LE as Latin-1", s -> reread(s, StandardCharsets.UTF_16LE));
    encoders.put("UTF-16BE as Latin-1", s -> reread(s, StandardCharsets.UTF_16BE));
    return encoders;
  }

  static Stream<Arguments> twoLevelSpellings() {
    List<Arguments> spellings = new ArrayList<>();
    Map<String, UnaryOperator<String>> encoders = encoders();
    for (String secret : List.of(SECRET, UNICODE_SECRET)) {
      encoders.forEach(
          (first, inner) ->
              encoders.forEach(
                  (second, outer) -> {
                    // UTF-16 of UTF-16 (three NULs per character) is not a thing upstreams do
                    if (!(first.startsWith("UTF-16") && second.startsWith("UTF-16"))) {
                      String spelled = outer.apply(inner.apply(secret));
                      spellings.add(Arguments.of(first + ", then " + second, spelled));
                    }
                  }));
    }
    return spellings.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoLevelSpellings")
  void redactsEveryTwoLevelSpelling(String description, String echoed) {
    String redacted = redactor.redact(PREFIX + echoed + SUFFIX);

    assertOnlyMarkerLeft(redacted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twoLevelSpellings")
  void everyTwoLevelMatchIsWithinMaxFormLength(String description, String echoed) {
    for (SecretRedactor.Span span : redactor.spans(PREFIX + echoed + SUFFIX)) {
      assertTrue(span.end() - span.start() <= redactor.maxFormLength(), description);
    }
    assertTrue(echoed.length() <= redactor.maxFormLength(), description);
  }

  @Test
  void longestSpellingOfEachCharacterIsRedactedAndWithinMaxFormLength() {
    // each char as NUL + zero-padded decimal reference, and each char of that spelled so again:
    // 11 x 11 chars for an ASCII character, the most the decoder accepts
    SecretRedactor r = new SecretRedactor(List.of("k3y-Secret!"));
    String once = longest("k3y-Secret!");
    String twice = longest(once);

    assertEquals(11 * 11 * "k3y-Secret!".length(), twice.length());
    assertEquals("<[REDACTED]>", r.redact("<" + twice + ">"));
    assertEquals("<[REDACTED]>", r.redact("<" + once + ">"));
    assertTrue(twice.length() <= r.maxFormLength());
  }

  @Test
  void longestSpellingOfASupplementaryCharacterIsWithinMaxFormLength() {
    SecretRedactor r = new SecretRedactor(List.of("😀😀😀"));
    String once = "\0\\xF0\\x9F\\x98\\x80".repeat(3); // 17 chars per character
    String twice = longest(once);

    assertEquals("<[REDACTED]>", r.redact("<" + twice + ">"));
    assertEquals(3 * 17 * 11, twice.length());
    assertTrue(twice.length() <= r.maxFormLength());
  }

  @Test
  void asciiSecretInUtf16ReadAsUtf8OrLatin1IsRedacted() {
    for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bytes = (PREFIX + SECRET + SUFFIX).getBytes(utf16);
      for (Charset claimed : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
        String redacted = redactor.redact(new String(bytes, claimed));

        assertEquals(
            PREFIX + "[REDACTED]" + SUFFIX, redacted.replace("\0", ""), utf16 + " " + claimed);
      }
    }
  }

  @Test
  void nonAsciiSecretInUtf16ReadAsUtf8OrLatin1IsRedacted() {
    for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bytes = (PREFIX + UNICODE_SECRET + SUFFIX).getBytes(utf16);
      for (Charset claimed :
          List.of(
              StandardCharsets.UTF_8,
              StandardCharsets.ISO_8859_1,
              Charset.forName("windows-1252"))) {
        String redacted = redactor.redact(new String(bytes, claimed)).replace("\0", "");

        // a byte of the secret's last character may show as U+FFFD: it carries nothing
        String shown = redacted.replace(SecretRedactor.MARKER + "\uFFFD", SecretRedactor.MARKER);
        assertEquals(PREFIX + "[REDACTED]" + SUFFIX, shown, utf16 + " " + claimed);
      }
    }
  }

  @Test
  void utf8SecretReadAsUtf16OrLatin1IsRedactedAtEveryAlignment() {
    for (String before : List.of("", "x", "xy", "xyz")) {
      byte[] bytes = (before + SECRET + "tail").getBytes(StandardCharsets.UTF_8);
      for (Charset claimed :
          List.of(
              StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1)) {
        String shown = redactor.redact(new String(bytes, claimed));

        // what the agent gets back by encoding the text again as the upstream claimed it was
        String reencoded = new String(shown.getBytes(claimed), StandardCharsets.UTF_8);
        String where = claimed + " after '" + before + "': " + reencoded;
        for (int i = 0; i + 2 <= SECRET.length(); i++) {
          assertFalse(reencoded.contains(SECRET.substring(i, i + 2)), where);
        }
        assertFalse(reencoded.contains(before + SECRET.charAt(0)) && !before.isEmpty(), where);
        assertFalse(reencoded.contains(SECRET.charAt(SECRET.length() - 1) + "t"), where);
      }
    }
    String latin1 =
        new String(UNICODE_SECRET.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEquals("<[REDACTED]>", redactor.redact("<" + latin1 + ">"));
  }

  @Test
  void doublePercentEncodingIsRedactedInEitherHexCase() {
    String once = everyByte(SECRET, "%%%02X");

    assertRedacted(once.replace("%", "%25"));
    assertRedacted(once.toLowerCase(Locale.ROOT).replace("%", "%25"));
    assertRedacted(
        URLEncoder.encode(
            URLEncoder.encode(SECRET, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertRedacted("Ab%252Bc%252Fd%2520e%253Df%2526g9%2522Zq%255C~!*'()");
    assertRedacted("Ab%252bc/d+e%3Df%2526g9\"Zq%5c~!*'()");
  }

  @Test
  void htmlReferencesMixedWithPlainCharactersAreRedacted() {
    assertRedacted("Ab&#43;c&#x2F;d e&equals;f&amp;g9&quot;Zq&bsol;~!*'()");
    assertRedacted("&#65;b+c/d&#32;e=f&AMP;g9\"&#X5a;q\\&tilde;&excl;&ast;&apos;&lpar;&rpar;");
    assertRedacted("Ab&plus;c&sol;d e=f&amp;g9&quot;Zq\\~!*'()");
    assertRedacted("Ab+c/d e=f&ampg9&quotZq\\~!*'()"); // legacy references without semicolon
    assertRedacted("&#0000065;&#x000062;+c/d e=f&g9\"Zq\\~!*'()");
  }

  @Test
  void backslashXByteEscapesAreRedacted() {
    assertRedacted(everyByte(SECRET, "\\x%02x"));
    assertRedacted(everyByte(UNICODE_SECRET, "\\x%02X"));
    assertRedacted("p\\xc3\\xa4sswörd\\xF0\\x9F\\x98\\x80€");
  }

  @Test
  void hexIsRedactedInUpperLowerAndMixedCaseAndEncoded() {
    String hex = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));

    assertRedacted(hex);
    assertRedacted(hex.toUpperCase(Locale.ROOT));
    assertRedacted(hex.substring(0, 10).toUpperCase(Locale.ROOT) + hex.substring(10));
    assertRedacted(htmlEveryCodePoint(hex, "&#%d;"));
  }

  @Test
  void combinationsOfEncodingsAreRedacted() {
    String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

    assertRedacted(base64.replace("+", "&#43;").replace("/", "&#x2f;").replace("=", "&equals;"));
    assertRedacted(base64.replace("+", "%2B").replace("=", "%253D"));
    assertRedacted(jsonEveryUnit(SECRET).replace("\\", "%5C"));
    assertRedacted(jsonEveryUnit(UNICODE_SECRET).replace("\\", "%5c"));
    assertRedacted(htmlEveryCodePoint(SECRET, "&#%d;").replace("&", "&amp;"));
    assertRedacted(htmlEveryCodePoint(SECRET, "&#x%X;").replace("&", "\\u0026"));
  }

  @Test
  void prefixSecretsInDecodedTextLeaveNoTail() {
    String text = "a=%2561%2562%2563%2564%2565%2566%2567%2568 b=%61bcd c=&#97;bcdefghij";
    String expected = "a=[REDACTED] b=[REDACTED] c=[REDACTED]ij";

    assertEquals(expected, new SecretRedactor(List.of("abcd", "abcdefgh")).redact(text));
    assertEquals(expected, new SecretRedactor(List.of("abcdefgh", "abcd")).redact(text));
  }

  @Test
  void overlappingMatchesFromDifferentViewsAreOneSpan() {
    SecretRedactor r = new SecretRedactor(List.of("abcdef", "defgh"));

    assertEquals("--[REDACTED]--", r.redact("--abc%64%65%66gh--"));
    assertEquals("--[REDACTED]--", r.redact("--abcd%2565fgh--"));
    assertEquals(1, r.spans("--abc%64%65%66gh--").size());
  }

  private void assertRedacted(String echoed) {
    assertOnlyMarkerLeft(redactor.redact(PREFIX + echoed + SUFFIX));
    for (SecretRedactor.Span span : redactor.spans(PREFIX + echoed + SUFFIX)) {
      assertTrue(span.end() - span.start() <= redactor.maxFormLength());
    }
  }

  /**
   * The echo became one marker; what may remain beside it is a NUL that followed the secret's last
   * character in UTF-16, in whatever spelling.
   */
  private static void assertOnlyMarkerLeft(String redacted) {
    assertTrue(redacted.startsWith(PREFIX + SecretRedactor.MARKER), redacted);
    assertTrue(redacted.endsWith(SUFFIX), redacted);
    String rest =
        redacted.substring(
            PREFIX.length() + SecretRedactor.MARKER.length(), redacted.length() - SUFFIX.length());
    DecodedView view = TextDecoder.decode(TextDecoder.decode(DecodedView.of(rest)));
    for (int i = 0; i < view.length(); i++) {
      assertEquals(0, view.unit(i), redacted);
    }
  }

  /** Each char as a NUL and a 7-digit decimal reference: the longest one-level spelling. */
  private static String longest(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().forEach(cp -> sb.append('\0').append(String.format("&#%07d;", cp)));
    return sb.toString();
  }

  private static String reread(String s, Charset utf16) {
    return new String(s.getBytes(utf16), StandardCharsets.ISO_8859_1);
  }

  private static String encodeUriComponent(String s, boolean lowerHex) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (b >= 0 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append(String.format(lowerHex ? "%%%02x" : "%%%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  private static String everyByte(String s, String format) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      sb.append(String.format(format, b & 0xFF));
    }
    return sb.toString();
  }

  private static String jsonEveryUnit(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(String.format("\\u%04X", (int) c));
    }
    return sb.toString();
  }

  private static String htmlMinimal(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String htmlEveryCodePoint(String s, String format) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(String.format(format, cp)));
    return sb.toString();
  }

  private static final Map<Character, String> NAMES =
      Map.ofEntries(
          Map.entry('&', "&amp;"),
          Map.entry('"', "&quot;"),
          Map.entry('\'', "&apos;"),
          Map.entry('+', "&plus;"),
          Map.entry('/', "&sol;"),
          Map.entry('\\', "&bsol;"),
          Map.entry('=', "&equals;"),
          Map.entry('%', "&percnt;"),
          Map.entry('#', "&num;"),
          Map.entry(';', "&semi;"),
          Map.entry('!', "&excl;"),
          Map.entry('*', "&ast;"),
          Map.entry('(', "&lpar;"),
          Map.entry(')', "&rpar;"),
          Map.entry('~', "&tilde;"),
          Map.entry('.', "&period;"),
          Map.entry('_', "&lowbar;"));

  private static String htmlNamed(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(NAMES.getOrDefault(c, String.valueOf(c)));
    }
    return sb.toString();
  }
}
