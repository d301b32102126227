package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRedactorTest {

  /** Holds every character URL and JSON encoders treat specially. */
  static final String SECRET = "Ab+c/d e=f&g9\"Zq\\~!*'()";

  static final String UNICODE_SECRET = "pässwörd😀€";

  private final SecretRedactor redactor = new SecretRedactor(List.of(SECRET, UNICODE_SECRET));

  static Stream<Arguments> echoedForms() {
    List<Arguments> forms = new ArrayList<>();
    for (String secret : List.of(SECRET, UNICODE_SECRET)) {
      byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
      String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      String base64 = Base64.getEncoder().encodeToString(utf8);
      String base64Url = Base64.getUrlEncoder().encodeToString(utf8);
      forms.add(Arguments.of("raw", secret));
      forms.add(Arguments.of("form-encoded with +", formEncoded));
      forms.add(Arguments.of("form-encoded with %20", formEncoded.replace("+", "%20")));
      forms.add(Arguments.of("form-encoded lower-case hex", lowerHexEscapes(formEncoded)));
      forms.add(Arguments.of("encodeURIComponent", encodeUriComponent(secret, false)));
      forms.add(Arguments.of("encodeURIComponent lower hex", encodeUriComponent(secret, true)));
      forms.add(Arguments.of("every byte percent-encoded", percentEveryByte(utf8)));
      forms.add(Arguments.of("base64", base64));
      forms.add(Arguments.of("base64 unpadded", base64.replace("=", "")));
      forms.add(Arguments.of("base64url", base64Url));
      forms.add(Arguments.of("base64url unpadded", base64Url.replace("=", "")));
      forms.add(Arguments.of("base64 percent-encoded", URLEncoder.encode(base64, UTF8)));
      forms.add(Arguments.of("base64 Gson-escaped", base64.replace("=", "\\u003d")));
      forms.add(Arguments.of("json escaped", jsonEscape(secret, false, false)));
      forms.add(Arguments.of("json escaped \\/ style", jsonEscape(secret, true, false)));
      forms.add(Arguments.of("json every char \\u upper", jsonEscape(secret, true, true)));
      forms.add(
          Arguments.of(
              "json every char \\u lower",
              jsonEscape(secret, true, true).toLowerCase(Locale.ROOT).replace("\\u", "\\u")));
      forms.add(Arguments.of("json base64 with \\/", base64.replace("/", "\\/")));
      forms.add(Arguments.of("hex lower", HexFormat.of().formatHex(utf8)));
      forms.add(Arguments.of("hex upper", HexFormat.of().withUpperCase().formatHex(utf8)));
    }
    return forms.stream();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @ParameterizedTest(name = "{0}")
  @MethodSource("echoedForms")
  void redactsEveryEchoedForm(String description, String echoed) {
    String text = "{\"echo\":\"" + echoed + "\",\"n\":1}";

    String redacted = redactor.redact(text);

    assertEquals("{\"echo\":\"" + SecretRedactor.MARKER + "\",\"n\":1}", redacted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("echoedForms")
  void maxFormLengthCoversEveryEchoedForm(String description, String echoed) {
    assertTrue(redactor.maxFormLength() >= echoed.length());
  }

  @Test
  void redactsEveryOccurrence() {
    String text = SECRET + "-" + SECRET + SECRET;

    assertEquals("[REDACTED]-[REDACTED][REDACTED]", redactor.redact(text));
  }

  @Test
  void redactsBasicCredentialsEchoedAsAuthorizationHeader() {
    SecretRedactor basic = new SecretRedactor(List.of("hunter2-Secret", "alice:hunter2-Secret"));
    String header = "Basic " + base64("alice:hunter2-Secret");

    assertEquals("Basic [REDACTED]", basic.redact("Basic " + base64("alice:hunter2-Secret")));
    assertFalse(basic.redact("you sent " + header).contains(base64("alice:hunter2-Secret")));
  }

  @Test
  void redactsPasswordInsideBase64OfUserColonPassWhenOnlyThePasswordIsKnown() {
    SecretRedactor passwordOnly = new SecretRedactor(List.of("hunter2-Secret"));
    for (String user : List.of("al", "ali", "alic", "alice")) {
      String run = base64(user + ":hunter2-Secret");

      assertCoreRedacted(user + ":", "hunter2-Secret", "", passwordOnly.redact(run));
    }
  }

  @ParameterizedTest
  @MethodSource("offsets")
  void redactsSecretEmbeddedInLongerBase64RunAtEveryAlignment(String before, String after) {
    SecretRedactor r = new SecretRedactor(List.of(SECRET));
    String run = base64(before + SECRET + after);

    assertCoreRedacted(before, SECRET, after, r.redact(run));
  }

  static Stream<Arguments> offsets() {
    return Stream.of(
        Arguments.of("", "tail"),
        Arguments.of("x", "tail!"),
        Arguments.of("xy", "t"),
        Arguments.of("{\"k\":\"", "\"}"),
        Arguments.of("0123456789", ""));
  }

  /**
   * Asserts that every character of the Base64 run that carries only secret bits is gone, computed
   * from bit positions independently of the production code. The marker may reach one character
   * further on either side (and over the padding) when a standalone spelling of the secret happens
   * to match there too.
   */
  private static void assertCoreRedacted(
      String before, String secret, String after, String redacted) {
    int prefixBits = 8 * before.getBytes(UTF8).length;
    int secretBits = 8 * secret.getBytes(UTF8).length;
    String run = base64(before + secret + after);
    int from = (prefixBits + 5) / 6;
    int to = (prefixBits + secretBits) / 6;
    int marker = redacted.indexOf(SecretRedactor.MARKER);
    assertTrue(marker >= 0, redacted);
    String head = redacted.substring(0, marker);
    String tail = redacted.substring(marker + SecretRedactor.MARKER.length());
    assertTrue(
        run.startsWith(head) && head.length() >= from - 1 && head.length() <= from, redacted);
    int tailStart = run.length() - tail.length();
    assertTrue(run.endsWith(tail) && tailStart >= to && tailStart <= to + 3, redacted);
  }

  @Test
  void secretThatIsPrefixOfAnotherLeavesNoTailInEitherOrder() {
    String text = "a=abcdefgh b=abcd c=abcdefghij";
    String expected = "a=[REDACTED] b=[REDACTED] c=[REDACTED]ij";

    assertEquals(expected, new SecretRedactor(List.of("abcd", "abcdefgh")).redact(text));
    assertEquals(expected, new SecretRedactor(List.of("abcdefgh", "abcd")).redact(text));
  }

  @Test
  void overlappingSecretsAreRedactedAsOneSpan() {
    String text = "--abcdefgh--";

    assertEquals("--[REDACTED]--", new SecretRedactor(List.of("abcdef", "defgh")).redact(text));
    assertEquals("--[REDACTED]--", new SecretRedactor(List.of("defgh", "abcdef")).redact(text));
  }

  @Test
  void overlappingRepeatsOfOneSecretLeaveNoFragment() {
    assertEquals("x[REDACTED]y", new SecretRedactor(List.of("abab")).redact("xababababy"));
  }

  @Test
  void mixedEncodingOfOneSecretIsRedacted() {
    String mixed = "Ab%2Bc\\/d+e%3df%26g9\\\"Z\\u0071\\\\~!*'()";

    assertEquals("<[REDACTED]>", redactor.redact("<" + mixed + ">"));
  }

  @Test
  void surrogatePairEscapesAreRedacted() {
    String echoed = "p\\u00e4sswörd\\uD83D\\ude00\\u20AC";

    assertEquals("[REDACTED]", redactor.redact(echoed));
  }

  @Test
  void secretContainingPercentAndBackslashIsRedactedRawEncodedAndEscaped() {
    SecretRedactor r = new SecretRedactor(List.of("50%off\\key"));

    assertEquals("<[REDACTED]>", r.redact("<50%off\\key>"));
    assertEquals("<[REDACTED]>", r.redact("<50%25off%5Ckey>"));
    assertEquals("<[REDACTED]>", r.redact("<50%off\\\\key>"));
    assertEquals("<50%2off\\key>", r.redact("<50%2off\\key>"));
  }

  @Test
  void upperAndLowerCaseHexAreBothRedactedButOtherTextIsCaseSensitive() {
    SecretRedactor r = new SecretRedactor(List.of("Key-9z"));

    assertEquals("[REDACTED]", r.redact("4b65792d397a"));
    assertEquals("[REDACTED]", r.redact("4B65792D397A"));
    assertEquals("key-9z", r.redact("key-9z"));
  }

  @Test
  void nullAndEmptySecretsAreIgnored() {
    SecretRedactor empty = new SecretRedactor(Arrays.asList(null, "", null));

    assertTrue(empty.isEmpty());
    assertEquals(0, empty.maxFormLength());
    assertEquals("anything at all", empty.redact("anything at all"));
    assertTrue(new SecretRedactor(null).isEmpty());
    assertFalse(new SecretRedactor(Arrays.asList(null, "k3y")).isEmpty());
  }

  @Test
  void textWithoutSecretsIsReturnedUnchanged() {
    String text = "nothing to see here: Ab+c/d e=f";

    assertSame(text, redactor.redact(text));
    assertNull(redactor.redact(null));
    assertEquals("", redactor.redact(""));
  }

  @Test
  void nearMissesAreNotRedacted() {
    String nearMiss = SECRET.substring(0, SECRET.length() - 1) + "#";

    assertEquals(nearMiss, redactor.redact(nearMiss));
  }

  @Test
  void toStringShowsNoSecretOrEncodingOfIt() {
    String shown = redactor.toString();

    assertFalse(shown.contains("Ab"));
    assertFalse(shown.contains(base64(SECRET).substring(0, 6)));
    assertFalse(shown.contains("p\u00e4ss"));
    assertTrue(shown.contains("secrets=2"));
  }

  @Test
  void hostileTextDoesNotMakeRedactionSlow() {
    SecretRedactor percentHeavy =
        new SecretRedactor(List.of("%25%%25%2%%25%25%25%25%", "aaaaaaaaab"));
    String hostile = "%25".repeat(100_000) + "a".repeat(200_000);

    String redacted =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> percentHeavy.redact(hostile));

    assertEquals(hostile, redacted);
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(UTF8));
  }

  private static String lowerHexEscapes(String encoded) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < encoded.length(); i++) {
      if (encoded.charAt(i) == '%') {
        sb.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        i += 2;
      } else {
        sb.append(encoded.charAt(i));
      }
    }
    return sb.toString();
  }

  private static String encodeUriComponent(String s, boolean lowerHex) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(UTF8)) {
      char c = (char) (b & 0xFF);
      if (b >= 0 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append(String.format(lowerHex ? "%%%02x" : "%%%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  private static String percentEveryByte(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%%%02X", b & 0xFF));
    }
    return sb.toString();
  }

  private static String jsonEscape(String s, boolean escapeSlash, boolean everyChar) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (everyChar) {
        sb.append(String.format("\\u%04X", (int) c));
      } else if (c == '"' || c == '\\' || (escapeSlash && c == '/')) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
