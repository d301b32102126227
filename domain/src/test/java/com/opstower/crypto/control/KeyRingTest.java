package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRingTest {

  private static final String KEY_A = TestKeys.randomKey();
  private static final String KEY_B = TestKeys.randomKey();
  private static final String SHORT_KEY = TestKeys.randomKey(31);
  private static final String LONG_KEY = TestKeys.randomKey(33);
  private static final String HALF_KEY = TestKeys.randomKey(16);
  private static final String ZERO_KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void parsesSeveralKeysIgnoringWhitespaceAndLineBreaks() {
    var ring = KeyRing.parse("  k1 : " + KEY_A + " ,\n\t k2:" + KEY_B + "\n", " k2 ");

    assertEquals("k2", ring.activeKeyId());
    assertEquals(List.of("k1", "k2"), List.copyOf(ring.keyIds()));
    assertEquals(
        KEY_A, Base64.getEncoder().encodeToString(ring.key("k1").orElseThrow().getEncoded()));
    assertEquals("AES", ring.key("k2").orElseThrow().getAlgorithm());
  }

  @Test
  void acceptsUrlSafeBase64AndMissingPadding() {
    var raw = new byte[32];
    raw[0] = (byte) 0xFB; // encodes to '-' / '+' at the start
    raw[1] = (byte) 0xFF;
    var urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertTrue(urlSafe.contains("-") || urlSafe.contains("_"));

    var ring = KeyRing.parse("k1:" + urlSafe, "k1");

    assertEquals(32, ring.key("k1").orElseThrow().getEncoded().length);
    assertEquals((byte) 0xFB, ring.key("k1").orElseThrow().getEncoded()[0]);
  }

  @Test
  void toleratesATrailingComma() {
    assertEquals(Set.of("k1"), KeyRing.parse("k1:" + KEY_A + ",", "k1").keyIds());
  }

  @Test
  void keyIdsMayUseLettersDigitsDashAndUnderscoreUpTo32Chars() {
    var kid = "Key_2024-01_" + "x".repeat(20);
    assertEquals(32, kid.length());
    assertEquals(kid, KeyRing.parse(kid + ":" + KEY_A, kid).activeKeyId());
  }

  @Test
  void unknownOrNullKeyIdHasNoKey() {
    var ring = KeyRing.parse("k1:" + KEY_A, "k1");
    assertTrue(ring.key("k2").isEmpty());
    assertTrue(ring.key(null).isEmpty());
  }

  @Test
  void keyIdsCannotBeModified() {
    var ring = KeyRing.parse("k1:" + KEY_A, "k1");
    assertThrows(UnsupportedOperationException.class, () -> ring.keyIds().add("k2"));
  }

  @Test
  void toStringShowsKeyIdsButNoKeyMaterial() {
    var text = KeyRing.parse("k1:" + KEY_A + ",k2:" + KEY_B, "k1").toString();
    assertTrue(text.contains("k1") && text.contains("k2"), text);
    assertFalse(text.contains(KEY_A) || text.contains(KEY_B), text);
  }

  static Stream<Arguments> invalidConfigurations() {
    var good = "k1:" + KEY_A;
    return Stream.of(
        Arguments.of("active kid null", good, null, "active-key"),
        Arguments.of("active kid blank", good, "  ", "is not set"),
        Arguments.of("active kid unknown", good, "k9", "'k9'"),
        Arguments.of("active kid unknown lists kids", good + ",k2:" + KEY_B, "k3", "[k1, k2]"),
        Arguments.of("active kid is a key pasted there", good, KEY_A, "not a valid key id"),
        Arguments.of("key 31 bytes", "k1:" + SHORT_KEY, "k1", "'k1' must be 32 bytes"),
        Arguments.of("key 33 bytes", "k1:" + LONG_KEY, "k1", "33 bytes"),
        Arguments.of("key 16 bytes (AES-128)", "k1:" + HALF_KEY, "k1", "16 bytes"),
        Arguments.of("key empty", "k1:", "k1", "0 bytes"),
        Arguments.of("key all zeros", "k1:" + ZERO_KEY, "k1", "'k1' is all zeros"),
        Arguments.of("second key all zeros", good + ",k2:" + ZERO_KEY, "k1", "'k2' is all zeros"),
        Arguments.of("bad base64", "k1:" + KEY_A.replace(KEY_A.charAt(3), '*'), "k1", "Base64"),
        Arguments.of("base64 with stray colon", "k1:" + KEY_A + ":x", "k1", "'k1' is not valid"),
        Arguments.of("duplicate kid", good + ",k1:" + KEY_B, "k1", "'k1' appears more than once"),
        Arguments.of("empty spec", "", "k1", "contains no keys"),
        Arguments.of("null spec", null, "k1", "OPSTOWER_CRYPTO_KEYS"),
        Arguments.of("only separators", " , ,\n", "k1", "contains no keys"),
        Arguments.of("key without kid", KEY_A, "k1", "entry 1 is not of the form"),
        Arguments.of("second entry without kid", good + "," + KEY_B, "k1", "entry 2"),
        Arguments.of("kid with dot", "k.1:" + KEY_A, "k1", "invalid key id"),
        Arguments.of("kid too long", "k".repeat(33) + ":" + KEY_A, "k1", "invalid key id"),
        Arguments.of("kid empty", ":" + KEY_A, "k1", "invalid key id"),
        Arguments.of("kid and key swapped", KEY_A + ":k1", "k1", "invalid key id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigurations")
  void refusesInvalidConfigurationWithAClearMessageWithoutKeyMaterial(
      String name, String spec, String active, String expectedFragment) {
    var e = assertThrows(CryptoConfigurationException.class, () -> KeyRing.parse(spec, active));

    assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    for (var key : List.of(KEY_A, KEY_B, SHORT_KEY, LONG_KEY, HALF_KEY)) {
      assertFalse(e.getMessage().contains(key), "message leaks a key: " + e.getMessage());
      assertFalse(e.getMessage().contains(key.substring(0, 12)), e.getMessage());
    }
    assertTrue(e.getCause() == null, "no cause that could carry the input");
  }
}
