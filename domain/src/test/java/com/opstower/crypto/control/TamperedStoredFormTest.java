package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opstower.crypto.entity.CredentialUnavailableException;
import com.opstower.crypto.entity.SecretBinding;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each part of the stored form, altered: opening must fail with credential-unavailable. */
class TamperedStoredFormTest {

  private static final String FIELD = "connection.auth_secret";
  private static final KeyRing RING = TestKeys.ring("k1", "k2");
  private static final CredentialCipher CIPHER = new CredentialCipher(RING);
  private static final String SEALED =
      CIPHER.seal(
          "s3cret-value", FIELD, new SecretBinding("owner-1", "https://api.example.com", "BEARER"));

  /** A value of the pre-v1.1 form: every tampering must fail on it too. */
  private static final String SEALED_V1 =
      LegacySealer.sealV1(RING, "k1", "s3cret-value", FIELD, "owner-1");

  /** Everything before the nonce-ciphertext-tag part, dot included. */
  private static String prefix(String stored) {
    return stored.substring(0, stored.lastIndexOf('.') + 1);
  }

  private static Arguments tamper(String name, UnaryOperator<String> change) {
    return Arguments.of(name, change);
  }

  private static String payload(String stored) {
    return stored.substring(stored.lastIndexOf('.') + 1);
  }

  private static UnaryOperator<String> flipByte(java.util.function.IntUnaryOperator position) {
    return stored -> {
      var bytes = Base64.getUrlDecoder().decode(payload(stored));
      bytes[position.applyAsInt(bytes.length)] ^= 0x01;
      return prefix(stored) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    };
  }

  private static UnaryOperator<String> truncateBytes(int remaining) {
    return stored -> {
      var bytes = Base64.getUrlDecoder().decode(payload(stored));
      var shorter =
          java.util.Arrays.copyOf(bytes, remaining < 0 ? bytes.length + remaining : remaining);
      return prefix(stored) + Base64.getUrlEncoder().withoutPadding().encodeToString(shorter);
    };
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        tamper(
            "version v1 <-> v2",
            s -> s.startsWith("v1") ? "v2" + s.substring(2) : "v1" + s.substring(2)),
        tamper("version upper case", s -> "V" + s.substring(1)),
        tamper("version v0", s -> "v0" + s.substring(2)),
        tamper("version missing", s -> s.substring(3)),
        tamper("version empty", s -> s.substring(2)),
        tamper("kid switched to another loaded key", s -> s.replace(".k1.", ".k2.")),
        tamper("kid unknown", s -> s.replace(".k1.", ".k9.")),
        tamper("kid empty", s -> s.replace(".k1.", "..")),
        tamper("kid upper case", s -> s.replace(".k1.", ".K1.")),
        tamper("nonce first byte", flipByte(n -> 0)),
        tamper("nonce last byte", flipByte(n -> 11)),
        tamper("ciphertext first byte", flipByte(n -> 12)),
        tamper("ciphertext middle byte", flipByte(n -> 20)),
        tamper("tag first byte", flipByte(n -> n - 16)),
        tamper("tag last byte", flipByte(n -> n - 1)),
        tamper("truncated by one byte", truncateBytes(-1)),
        tamper("truncated by the whole tag", truncateBytes(-16)),
        tamper("truncated below nonce plus tag", truncateBytes(27)),
        tamper("only the nonce", truncateBytes(12)),
        tamper("payload empty", s -> prefix(s)),
        tamper("one base64 char dropped", s -> s.substring(0, s.length() - 1)),
        tamper("trailing dot", s -> s + "."),
        tamper("extra part", s -> s + ".AAAA"),
        tamper("extra dot inside", s -> s.replace(".k1.", ".k1..")),
        tamper("leading dot", s -> "." + s),
        tamper("no dots", s -> s.replace(".", "")),
        tamper("padding appended", s -> s + "="),
        tamper("standard base64 alphabet", s -> s.replace('-', '+').replace('_', '/') + "+/"),
        tamper("space inside", s -> s.substring(0, 20) + " " + s.substring(20)),
        tamper("newline appended", s -> s + "\n"),
        tamper(
            "illegal character",
            s -> s.substring(0, s.length() - 2) + "*" + s.charAt(s.length() - 1)),
        tamper("non-canonical trailing bits", TamperedStoredFormTest::nonCanonicalEnding),
        tamper("bytes appended", s -> s + "AAAA"),
        tamper("plaintext instead of ciphertext", s -> "s3cret-value"),
        tamper("empty string", s -> ""),
        tamper("only dots", s -> ".."),
        tamper("null", s -> null));
  }

  /** Changes unused low bits of the last Base64 character: same bytes, different spelling. */
  private static String nonCanonicalEnding(String stored) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    var last = stored.charAt(stored.length() - 1);
    var unusedBits = payload(stored).length() % 4 == 2 ? 4 : 2;
    var changed = alphabet.charAt(alphabet.indexOf(last) ^ ((1 << unusedBits) - 1) & 0x3F);
    // Only a low-bit change keeps the decoded bytes; make sure the decoded bytes are unchanged.
    var altered = stored.substring(0, stored.length() - 1) + changed;
    if (!java.util.Arrays.equals(
        Base64.getUrlDecoder().decode(payload(stored)),
        Base64.getUrlDecoder().decode(payload(altered)))) {
      throw new AssertionError("test setup: the decoded bytes changed");
    }
    return altered;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void aTamperedStoredFormDoesNotOpen(String name, UnaryOperator<String> change) {
    var tampered = change.apply(SEALED);

    assertThrows(CredentialUnavailableException.class, () -> CIPHER.open(tampered, FIELD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void aTamperedStoredFormOfBeforeVersionOnePointOneDoesNotOpen(
      String name, UnaryOperator<String> change) {
    var tampered = change.apply(SEALED_V1);

    assertThrows(CredentialUnavailableException.class, () -> CIPHER.open(tampered, FIELD));
  }

  @Test
  void untamperedValuesOfBothFormsOpen() {
    assertEquals("s3cret-value", CIPHER.open(SEALED, FIELD).plaintext());
    assertEquals("s3cret-value", CIPHER.open(SEALED_V1, FIELD).plaintext());
    assertEquals(SecretBinding.ownerOnly("owner-1"), CIPHER.open(SEALED_V1, FIELD).binding());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example.com",
        "http://api.example.com",
        "https://api.example.com:8443"
      })
  void aBindingRewrittenToAnotherOriginDoesNotOpen(String otherOrigin) {
    var other =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                BindingCodec.encode(new SecretBinding("owner-1", otherOrigin, "BEARER")));
    var parts = SEALED.split("\\.");
    var rewritten = parts[0] + "." + parts[1] + "." + other + "." + parts[3];

    assertThrows(CredentialUnavailableException.class, () -> CIPHER.open(rewritten, FIELD));
  }

  @Test
  void aBindingRewrittenToAnotherAuthTypeOrOwnerDoesNotOpen() {
    var parts = SEALED.split("\\.");
    for (var binding :
        new SecretBinding[] {
          new SecretBinding("owner-1", "https://api.example.com", "QUERY_PARAM"),
          new SecretBinding("owner-2", "https://api.example.com", "BEARER"),
          SecretBinding.ownerOnly("owner-1")
        }) {
      var other =
          Base64.getUrlEncoder().withoutPadding().encodeToString(BindingCodec.encode(binding));
      var rewritten = parts[0] + "." + parts[1] + "." + other + "." + parts[3];
      assertThrows(
          CredentialUnavailableException.class,
          () -> CIPHER.open(rewritten, FIELD),
          binding.toString());
    }
  }
}
