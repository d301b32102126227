package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.crypto.entity.CredentialUnavailableException;
import com.opstower.crypto.entity.SealedSecret;
import com.opstower.problem.ProblemCode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretConverterTest {

  private static final String SECRET = "ghp_exampleSecretValue0123456789";
  private static final String OWNER = UUID.randomUUID().toString();

  /** The column of a connection's secret (connection.entity.ConnectionSecretConverter). */
  private static final String FIELD = "connection.auth_secret";

  private final SecretConverter converter = new SecretConverter(FIELD) {};
  private final String k1 = TestKeys.randomKey();
  private final String k2 = TestKeys.randomKey();

  @BeforeEach
  void installK1() {
    install("k1:" + k1, "k1");
  }

  @AfterEach
  void clear() {
    CipherRegistry.clear();
  }

  private static void install(String keys, String active) {
    CipherRegistry.install(new CredentialCipher(KeyRing.parse(keys, active)));
  }

  @Test
  void aPendingSecretIsWrittenSealedUnderTheActiveKey() {
    var stored = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));

    assertTrue(stored.startsWith("v2.k1."), stored);
    assertFalse(stored.contains(SECRET));
    var opened = CipherRegistry.current().open(stored, FIELD);
    assertEquals(SECRET, opened.plaintext());
    assertEquals(OWNER, opened.ownerId());
  }

  @Test
  void aStoredSecretLoadsOpened() {
    var stored = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));

    var loaded = converter.convertToEntityAttribute(stored);

    assertTrue(loaded.isAvailable());
    assertFalse(loaded.isPending());
    assertEquals(Optional.of(stored), loaded.sealedText());
    assertEquals(SECRET, loaded.reveal(OWNER));
  }

  @Test
  void anOpenedSecretIsWrittenBackUnchanged() {
    var stored = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));
    var loaded = converter.convertToEntityAttribute(stored);

    assertEquals(stored, converter.convertToDatabaseColumn(loaded));
  }

  @Test
  void aValueCopiedFromAnotherRowLoadsButIsNotRevealedToThisRow() {
    var fromOtherRow =
        converter.convertToDatabaseColumn(
            SealedSecret.pending(SECRET, UUID.randomUUID().toString()));

    var loaded = converter.convertToEntityAttribute(fromOtherRow);

    var e = assertThrows(CredentialUnavailableException.class, () -> loaded.reveal(OWNER));
    assertEquals(ProblemCode.CREDENTIAL_UNAVAILABLE, e.code());
  }

  @Test
  void aValueCopiedFromAnotherFieldLoadsUnavailable() {
    var otherField = new SecretConverter("agent.token_secret") {};
    var stored = otherField.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));

    var loaded = converter.convertToEntityAttribute(stored);

    assertFalse(loaded.isAvailable());
    assertThrows(CredentialUnavailableException.class, () -> loaded.reveal(OWNER));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plaintext-password",
        "v1.k1.",
        "v1.k1.%%%%",
        "v9.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "....",
        "v1.k1.AAAA.AAAA",
        "v2.k1.AAAA",
        "v2.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void anUndecryptableValueLoadsUnavailableAndIsWrittenBackUnchanged(String stored) {
    var loaded = converter.convertToEntityAttribute(stored);

    assertFalse(loaded.isAvailable());
    assertEquals(Optional.of(stored), loaded.sealedText());
    assertEquals(stored, converter.convertToDatabaseColumn(loaded));
    assertEquals(
        Optional.of("the stored value is malformed or was altered"), loaded.unavailableReason());
  }

  @Test
  void aTamperedValueLoadsUnavailable() {
    var stored = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));
    var last = stored.charAt(stored.length() - 2);
    var tampered =
        stored.substring(0, stored.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + stored.charAt(stored.length() - 1);

    var loaded = converter.convertToEntityAttribute(tampered);

    assertFalse(loaded.isAvailable());
    assertThrows(CredentialUnavailableException.class, () -> loaded.reveal(OWNER));
  }

  @Test
  void rotationKeepsOldRowsReadableAndWritesNewOnesUnderTheNewKey() {
    var old = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));
    install("k1:" + k1 + ",k2:" + k2, "k2");

    var loaded = converter.convertToEntityAttribute(old);
    var reencrypted =
        converter.convertToDatabaseColumn(SealedSecret.pending(loaded.reveal(OWNER), OWNER));

    assertEquals(Optional.of("k1"), loaded.keyId());
    assertTrue(reencrypted.startsWith("v2.k2."), reencrypted);
    install("k2:" + k2, "k2");
    assertEquals(SECRET, converter.convertToEntityAttribute(reencrypted).reveal(OWNER));
  }

  @Test
  void aRowWhoseKeyWasRemovedLoadsUnavailableInsteadOfFailing() {
    var old = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));
    install("k2:" + k2, "k2");

    var loaded = converter.convertToEntityAttribute(old);

    assertFalse(loaded.isAvailable());
    assertEquals(Optional.of("encryption key 'k1' is not loaded"), loaded.unavailableReason());
    assertEquals(old, converter.convertToDatabaseColumn(loaded));
    var e = assertThrows(CredentialUnavailableException.class, () -> loaded.reveal(OWNER));
    assertEquals(ProblemCode.CREDENTIAL_UNAVAILABLE, e.code());
  }

  @Test
  void aListOfRowsLoadsWhenOneOfThemCannotBeDecrypted() {
    var good = converter.convertToDatabaseColumn(SealedSecret.pending("one", OWNER));
    var orphan = TestKeys.cipher("gone").seal("two", FIELD, OWNER);
    var alsoGood = converter.convertToDatabaseColumn(SealedSecret.pending("three", OWNER));

    var loaded = List.of(good, orphan, alsoGood).stream().map(converter::convertToEntityAttribute);

    assertEquals(List.of(true, false, true), loaded.map(SealedSecret::isAvailable).toList());
  }

  @Test
  void loadingBeforeTheKeysAreInstalledGivesUnavailable() {
    var stored = converter.convertToDatabaseColumn(SealedSecret.pending(SECRET, OWNER));
    CipherRegistry.clear();

    var loaded = converter.convertToEntityAttribute(stored);

    assertFalse(loaded.isAvailable());
    assertEquals(Optional.of("encryption keys are not loaded"), loaded.unavailableReason());
  }

  @Test
  void writingANewSecretBeforeTheKeysAreInstalledFailsRatherThanStoringPlaintext() {
    CipherRegistry.clear();
    var pending = SealedSecret.pending(SECRET, OWNER);

    assertThrows(IllegalStateException.class, () -> converter.convertToDatabaseColumn(pending));
  }

  @Test
  void nullStaysNull() {
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
  }

  @Test
  void aConverterNeedsAFieldName() {
    assertThrows(IllegalArgumentException.class, () -> new SecretConverter(" ") {});
  }
}
