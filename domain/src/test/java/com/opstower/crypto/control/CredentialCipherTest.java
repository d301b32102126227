package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.crypto.entity.CredentialUnavailableException;
import com.opstower.crypto.entity.SecretBinding;
import com.opstower.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialCipherTest {

  private static final String FIELD = "connection.auth_secret";
  private static final String SECRET = "sk-live-correct-horse-battery-staple-0123456789";
  private static final String OWNER = UUID.randomUUID().toString();

  private final CredentialCipher cipher = TestKeys.cipher("k1");

  @Test
  void opensWhatItSealed() {
    var opened = cipher.open(cipher.seal(SECRET, FIELD, OWNER), FIELD);

    assertEquals(SECRET, opened.plaintext());
    assertEquals(OWNER, opened.ownerId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "a", "p@ss:w.rd|with,separators", "Grüße 🔑 ключ", "nul\u0000inside"})
  void roundTripsUnusualSecrets(String secret) {
    assertEquals(secret, cipher.open(cipher.seal(secret, FIELD, OWNER), FIELD).plaintext());
  }

  @Test
  void roundTripsALongSecret() {
    var secret = "x".repeat(64 * 1024);
    assertEquals(secret, cipher.open(cipher.seal(secret, FIELD, OWNER), FIELD).plaintext());
  }

  @Test
  void storedFormIsVersionKeyIdAndUnpaddedBase64UrlOfNonceCiphertextAndTag() {
    var stored = cipher.seal(SECRET, FIELD, OWNER);

    assertTrue(stored.matches("v2\\.k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), stored);
    var bytes = Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf('.') + 1));
    assertEquals(12 + SECRET.length() + 16, bytes.length);
  }

  @Test
  void storedFormContainsNeitherThePlaintextNorItsBase64NorHex() {
    var stored = cipher.seal(SECRET, FIELD, OWNER);
    var raw = SECRET.getBytes(StandardCharsets.UTF_8);

    for (var encoding :
        new String[] {
          SECRET,
          Base64.getEncoder().encodeToString(raw),
          Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
          Base64.getEncoder().encodeToString(Arrays.copyOfRange(raw, 1, raw.length)),
          Base64.getEncoder().encodeToString(Arrays.copyOfRange(raw, 2, raw.length)),
          HexFormat.of().formatHex(raw),
          HexFormat.of().withUpperCase().formatHex(raw)
        }) {
      var probe = encoding.substring(0, 16);
      assertFalse(stored.contains(probe), "stored form contains " + probe);
    }
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentCiphertextsAndNonces() {
    var first = cipher.seal(SECRET, FIELD, OWNER);
    var second = cipher.seal(SECRET, FIELD, OWNER);

    assertNotEquals(first, second);
    var nonce1 =
        Arrays.copyOf(
            Base64.getUrlDecoder().decode(first.substring(first.lastIndexOf('.') + 1)), 12);
    var nonce2 =
        Arrays.copyOf(
            Base64.getUrlDecoder().decode(second.substring(second.lastIndexOf('.') + 1)), 12);
    assertFalse(Arrays.equals(nonce1, nonce2));
  }

  @Test
  void aCiphertextMovedToAnotherFieldDoesNotOpen() {
    var stored = cipher.seal(SECRET, FIELD, OWNER);

    assertThrows(
        CredentialUnavailableException.class, () -> cipher.open(stored, "agent.token_secret"));
  }

  @Test
  void aCiphertextMovedToAnotherRowStillNamesItsOriginalOwner() {
    var stored = cipher.seal(SECRET, FIELD, OWNER);

    // The converter has no row context; the entity compares this id with its own (SealedSecret).
    assertEquals(OWNER, cipher.open(stored, FIELD).ownerId());
  }

  @Test
  void ownerAndSecretCannotBeSplitDifferently() {
    var a = cipher.open(cipher.seal("bc", FIELD, "a"), FIELD);
    var b = cipher.open(cipher.seal("c", FIELD, "ab"), FIELD);

    assertEquals("a", a.ownerId());
    assertEquals("bc", a.plaintext());
    assertEquals("ab", b.ownerId());
    assertEquals("c", b.plaintext());
  }

  @Test
  void aValueRelabelledToAnotherKeyIdWithTheSameKeyDoesNotOpen() {
    var key = TestKeys.randomKey();
    var sameKeyTwice = new CredentialCipher(KeyRing.parse("k1:" + key + ",k2:" + key, "k1"));
    var stored = sameKeyTwice.seal(SECRET, FIELD, OWNER);

    // Only the AAD tells the two apart: the key id is authenticated, not just a lookup hint.
    assertThrows(
        CredentialUnavailableException.class,
        () -> sameKeyTwice.open(stored.replace("v2.k1.", "v2.k2."), FIELD));
  }

  @Test
  void aValueUnderAnUnknownKeyIdDoesNotOpen() {
    var stored = TestKeys.cipher("other").seal(SECRET, FIELD, OWNER);

    assertThrows(CredentialUnavailableException.class, () -> cipher.open(stored, FIELD));
  }

  @Test
  void aValueUnderTheSameKeyIdButAnotherKeyDoesNotOpen() {
    var stored = TestKeys.cipher("k1").seal(SECRET, FIELD, OWNER);

    assertThrows(CredentialUnavailableException.class, () -> cipher.open(stored, FIELD));
  }

  @Test
  void rotationOpensOldValuesAndSealsNewOnesUnderTheActiveKey() {
    var k1 = TestKeys.randomKey();
    var k2 = TestKeys.randomKey();
    var before = new CredentialCipher(KeyRing.parse("k1:" + k1, "k1"));
    var during = new CredentialCipher(KeyRing.parse("k1:" + k1 + ",k2:" + k2, "k2"));
    var after = new CredentialCipher(KeyRing.parse("k2:" + k2, "k2"));
    var old = before.seal(SECRET, FIELD, OWNER);

    assertEquals(SECRET, during.open(old, FIELD).plaintext());
    var renewed = during.seal(during.open(old, FIELD).plaintext(), FIELD, OWNER);
    assertTrue(renewed.startsWith("v2.k2."), renewed);
    assertEquals("k2", during.activeKeyId());
    assertEquals(SECRET, after.open(renewed, FIELD).plaintext());
    assertThrows(CredentialUnavailableException.class, () -> after.open(old, FIELD));
  }

  @Test
  void everySingleBitFlipOfTheStoredBytesIsDetected() {
    var stored = cipher.seal("s3cret", FIELD, OWNER);
    var prefix = stored.substring(0, stored.lastIndexOf('.') + 1);
    var bytes = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));

    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        var tampered = bytes.clone();
        tampered[i] ^= (byte) (1 << bit);
        var text = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        assertThrows(
            CredentialUnavailableException.class,
            () -> cipher.open(text, FIELD),
            "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void failuresCarryOnlyTheGenericDetail() {
    var stored = cipher.seal(SECRET, FIELD, OWNER);

    var e =
        assertThrows(
            CredentialUnavailableException.class, () -> cipher.open(stored, "other.field"));

    assertEquals(ProblemCode.CREDENTIAL_UNAVAILABLE, e.code());
    assertEquals(CredentialUnavailableException.DETAIL, e.detail());
    assertNull(e.getCause());
    assertFalse(e.getMessage().contains(stored.substring(6, 20)));
  }

  @Test
  void sealRefusesMissingFieldOrOwner() {
    assertThrows(IllegalArgumentException.class, () -> cipher.seal(SECRET, " ", OWNER));
    assertThrows(IllegalArgumentException.class, () -> cipher.seal(SECRET, FIELD, ""));
    assertThrows(IllegalArgumentException.class, () -> cipher.seal(SECRET, FIELD, (String) null));
    assertThrows(NullPointerException.class, () -> cipher.seal(null, FIELD, OWNER));
  }

  @Test
  void openedToStringHidesThePlaintext() {
    var opened = cipher.open(cipher.seal(SECRET, FIELD, OWNER), FIELD);

    assertFalse(opened.toString().contains(SECRET), opened.toString());
  }

  @Test
  void knowsWhichKeyIdsItCanOpen() {
    var twoKeys = TestKeys.cipher("k2", "k1");
    assertTrue(twoKeys.hasKey("k1"));
    assertTrue(twoKeys.hasKey("k2"));
    assertFalse(twoKeys.hasKey("k3"));
    assertEquals("k2", twoKeys.activeKeyId());
  }

  @Test
  void isSafeToUseFromManyThreads() throws Exception {
    var failures = new java.util.concurrent.atomic.AtomicInteger();
    var threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      var secret = "secret-" + t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  var owner = UUID.randomUUID().toString();
                  var opened = cipher.open(cipher.seal(secret + i, FIELD, owner), FIELD);
                  if (!opened.plaintext().equals(secret + i) || !opened.ownerId().equals(owner)) {
                    failures.incrementAndGet();
                  }
                }
              });
      threads[t].start();
    }
    for (var thread : threads) {
      thread.join();
    }
    assertEquals(0, failures.get());
  }

  @Test
  void aValueSealedBeforeVersionOnePointOneOpensWithAnOwnerOnlyBinding() {
    var ring = TestKeys.ring("k1");
    var legacy = LegacySealer.sealV1(ring, "k1", SECRET, FIELD, OWNER);

    var opened = new CredentialCipher(ring).open(legacy, FIELD);

    assertEquals(SECRET, opened.plaintext());
    assertEquals(SecretBinding.ownerOnly(OWNER), opened.binding());
  }

  @Test
  void theBindingIsStoredBesideTheCiphertextAndComesBackAsSealed() {
    var binding = new SecretBinding(OWNER, "https://api.example.com", "BEARER");

    var opened = cipher.open(cipher.seal(SECRET, FIELD, binding), FIELD);

    assertEquals(binding, opened.binding());
    assertEquals(SECRET, opened.plaintext());
  }
}
