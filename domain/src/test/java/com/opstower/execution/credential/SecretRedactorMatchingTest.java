package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What is redacted and what is not, for long secrets and texts built to mislead a matcher. */
class SecretRedactorMatchingTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void ordinaryJsonDocumentWithoutTheSecretIsReturnedUnchanged() {
    SecretRedactor r =
        new SecretRedactor(List.of("sk_live_Z9+q/w=e&r", "pässwörd😀€", "alice:hunter2-Secret"));
    String json =
        "{\"id\":\"evt_1NpQ2x\",\"url\":\"https://api.example.com/v1/items?page=2&per_page=50\","
            + "\"query\":\"name%3Dfoo%26sort%3D-created%252Casc\",\"html\":\"&lt;p&gt;Caf&eacute;"
            + " &amp; cr&#232;me &#x263A; &quot;hi&quot;&lt;/p&gt;\",\"path\":\"C:\\\\temp\\\\x41"
            + "\\\\new\",\"unicode\":\"\\u00e4\\u00f6\\ud83d\\ude00 caf\\u00e9\",\"bytes\":"
            + "\"\\xC3\\xA4\\x00\\x41\",\"b64\":\"aHVudGVyMg==\",\"hex\":\"deadbeef00112233\","
            + "\"nul\":\"a\\u0000b\",\"plus\":\"a+b c\",\"n\":12345,\"ok\":true,\"list\":[1,2,3]}";

    assertSame(json, r.redact(json));
    assertTrue(r.spans(json).isEmpty());
  }

  @Test
  void longSecretWhosePrefixRepeatsThroughTheTextIsRedactedOnlyWhereItOccurs() {
    String secret = randomText(new Random(42), 4096);
    String prefix = secret.substring(0, 4000);
    SecretRedactor r = new SecretRedactor(List.of(secret));
    StringBuilder text = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int block = 0; text.length() < 64 * 1024; block++) {
      text.append(prefix).append('.');
      expected.append(prefix).append('.');
      if (block % 5 == 2) {
        text.append(secret).append('.');
        expected.append(SecretRedactor.MARKER).append('.');
      }
    }

    assertEquals(expected.toString(), r.redact(text.toString()));
  }

  @Test
  void longSecretEncodedWhosePrefixRepeatsEncodedIsRedactedOnlyWhereItOccurs() {
    String secret = randomText(new Random(7), 4096);
    String prefix = percentEncodeEveryByte(secret.substring(0, 4000));
    SecretRedactor r = new SecretRedactor(List.of(secret));
    String encoded = percentEncodeEveryByte(secret).replace("%", "%25");
    String text = prefix + prefix + encoded + prefix + "%" + prefix + encoded.substring(3);
    String expected = prefix + prefix + "[REDACTED]" + prefix + "%" + prefix + encoded.substring(3);

    assertEquals(expected, r.redact(text));
  }

  @Test
  void textOfRepeatedSecretPrefixesAndNearMissesIsLeftAlone() {
    String secret = "a".repeat(4095) + "b";
    SecretRedactor r = new SecretRedactor(List.of(secret));
    String text = ("a".repeat(4095) + "c").repeat(16) + "%61".repeat(4095) + "%62";

    String redacted = r.redact(text);

    assertEquals(("a".repeat(4095) + "c").repeat(16) + "[REDACTED]", redacted);
  }

  @Test
  void secretInsideALongerBase64RunLeavesNoCharacterThatCarriesItsBits() {
    String secret = "hunter2-Secret";
    SecretRedactor r = new SecretRedactor(List.of(secret));
    for (String before : List.of("", "x", "xy", "xyz", "alice:")) {
      for (String after : List.of("", "t", "tail!")) {
        String run = base64(before + secret + after);
        String redacted = r.redact(run);

        int marker = redacted.indexOf(SecretRedactor.MARKER);
        String tail = redacted.substring(marker + SecretRedactor.MARKER.length());
        int prefixBits = 8 * before.length();
        int endBits = prefixBits + 8 * secret.length();
        String where = before + "|" + after + ": " + redacted;
        // chars before prefixBits / 6 hold only the prefix's bits, chars from ceil(endBits / 6)
        // only the suffix's (or padding)
        assertTrue(marker >= 0 && run.startsWith(redacted.substring(0, marker)), where);
        assertTrue(marker <= prefixBits / 6, where);
        assertTrue(run.endsWith(tail) && run.length() - tail.length() >= (endBits + 5) / 6, where);
      }
    }
  }

  @Test
  void manySecretsSharingPrefixesAreEachRedacted() {
    List<String> secrets = List.of("token-aaaa", "token-aaab", "token-aab", "token-a", "oken-aaaa");
    SecretRedactor r = new SecretRedactor(secrets);

    assertEquals("<[REDACTED]>", r.redact("<token-aaaa>"));
    assertEquals("<[REDACTED]>", r.redact("<token-aaab>"));
    assertEquals("<[REDACTED]c>", r.redact("<token-aabc>"));
    assertEquals("<[REDACTED]>", r.redact("<oken-aaaa>"));
    assertEquals("<toke-[REDACTED]>", r.redact("<toke-token-a>"));
    assertEquals("<tok[REDACTED]>", r.redact("<tokoken-aaaa>"));
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String percentEncodeEveryByte(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      sb.append(String.format("%%%02X", b & 0xFF));
    }
    return sb.toString();
  }
}
