package com.opstower.crypto.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SealedSecretTest {

  private static final String SECRET = "hunter2-very-secret";
  private static final String OWNER = UUID.randomUUID().toString();
  private static final String OTHER_ROW = UUID.randomUUID().toString();
  private static final String STORED = "v1.k7.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

  @Test
  void aPendingSecretRevealsItsPlaintextToItsOwner() {
    var secret = SealedSecret.pending(SECRET, OWNER);

    assertEquals(SECRET, secret.reveal(OWNER));
    assertTrue(secret.isPending());
    assertTrue(secret.isAvailable());
    assertEquals(Optional.empty(), secret.sealedText());
    assertEquals(Optional.empty(), secret.keyId());
    assertEquals(Optional.of(OWNER), secret.ownerId());
  }

  @Test
  void anOpenedSecretRevealsItsPlaintextToTheRowItWasSealedFor() {
    var secret = SealedSecret.opened(STORED, SECRET, OWNER);

    assertEquals(SECRET, secret.reveal(OWNER));
    assertFalse(secret.isPending());
    assertTrue(secret.isAvailable());
    assertEquals(Optional.of(STORED), secret.sealedText());
    assertEquals(Optional.of("k7"), secret.keyId());
    assertEquals(Optional.empty(), secret.unavailableReason());
  }

  @Test
  void aCiphertextCopiedFromAnotherRowIsRefused() {
    var copied = SealedSecret.opened(STORED, SECRET, OTHER_ROW);

    var e = assertThrows(CredentialUnavailableException.class, () -> copied.reveal(OWNER));

    assertEquals(ProblemCode.CREDENTIAL_UNAVAILABLE, e.code());
    assertEquals(CredentialUnavailableException.DETAIL, e.detail());
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void aPendingSecretIsNotRevealedToAnotherRow() {
    var secret = SealedSecret.pending(SECRET, OWNER);

    assertThrows(CredentialUnavailableException.class, () -> secret.reveal(OTHER_ROW));
    assertThrows(CredentialUnavailableException.class, () -> secret.reveal((String) null));
  }

  @Test
  void anUnavailableSecretCannotBeRevealedButKeepsItsStoredForm() {
    var secret = SealedSecret.unavailable(STORED, "encryption key 'k7' is not loaded");

    var e = assertThrows(CredentialUnavailableException.class, () -> secret.reveal(OWNER));

    assertEquals(ProblemCode.CREDENTIAL_UNAVAILABLE, e.code());
    assertFalse(secret.isAvailable());
    assertFalse(secret.isPending());
    assertEquals(Optional.of(STORED), secret.sealedText());
    assertEquals(Optional.of("k7"), secret.keyId());
    assertEquals(Optional.empty(), secret.ownerId());
    assertEquals(Optional.of("encryption key 'k7' is not loaded"), secret.unavailableReason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "v1", "v1.", "v1..AAAA", "x1.k1.AAAA", "v1.k 1.AA"})
  void keyIdIsEmptyForAMalformedStoredForm(String stored) {
    assertEquals(Optional.empty(), SealedSecret.unavailable(stored, "malformed").keyId());
  }

  @Test
  void keyIdAcceptsOnlyKeyIdCharacters() {
    assertEquals(Optional.empty(), SealedSecret.unavailable("v1.k<script>.AAAA", "x").keyId());
    assertEquals(
        Optional.empty(), SealedSecret.unavailable("v1." + "k".repeat(33) + ".AA", "x").keyId());
  }

  static Stream<SealedSecret> everyState() {
    return Stream.of(
        SealedSecret.pending(SECRET, OWNER),
        SealedSecret.opened(STORED, SECRET, OWNER),
        SealedSecret.unavailable(STORED, "key missing"));
  }

  @ParameterizedTest
  @MethodSource("everyState")
  void toStringNeverShowsThePlaintext(SealedSecret secret) {
    var text = secret.toString();

    assertFalse(text.contains(SECRET), text);
    assertFalse(text.contains("hunter"), text);
    assertTrue(text.startsWith("SealedSecret["), text);
  }

  @Test
  void toStringNamesTheKeyIdAndState() {
    assertEquals("SealedSecret[keyId=k7]", SealedSecret.opened(STORED, SECRET, OWNER).toString());
    assertEquals(
        "SealedSecret[unavailable, keyId=k7]", SealedSecret.unavailable(STORED, "r").toString());
    assertEquals("SealedSecret[pending]", SealedSecret.pending(SECRET, OWNER).toString());
  }

  @Test
  void storedSecretsAreEqualByStoredFormNotByPlaintext() {
    var a = SealedSecret.opened(STORED, SECRET, OWNER);
    var sameStored = SealedSecret.opened(STORED, "different", OWNER);
    var otherStored = SealedSecret.opened(STORED + "A", SECRET, OWNER);

    assertEquals(a, sameStored);
    assertEquals(a.hashCode(), sameStored.hashCode());
    assertEquals(STORED.hashCode(), a.hashCode());
    assertNotEquals(a, otherStored);
    assertEquals(a, SealedSecret.unavailable(STORED, "key missing"));
  }

  @Test
  void aPendingSecretEqualsOnlyItself() {
    var a = SealedSecret.pending(SECRET, OWNER);
    var b = SealedSecret.pending(SECRET, OWNER);

    assertEquals(a, a);
    assertNotEquals(a, b);
    assertNotEquals(a, SealedSecret.opened(STORED, SECRET, OWNER));
    assertNotEquals(SealedSecret.opened(STORED, SECRET, OWNER), a);
    assertNotEquals(a, null);
  }

  @Test
  void factoriesRefuseMissingParts() {
    assertThrows(IllegalArgumentException.class, () -> SealedSecret.pending(SECRET, " "));
    assertThrows(IllegalArgumentException.class, () -> SealedSecret.pending(SECRET, (String) null));
    assertThrows(NullPointerException.class, () -> SealedSecret.pending(null, OWNER));
    assertThrows(NullPointerException.class, () -> SealedSecret.opened(null, SECRET, OWNER));
    assertThrows(IllegalArgumentException.class, () -> SealedSecret.opened(STORED, SECRET, ""));
    assertThrows(NullPointerException.class, () -> SealedSecret.unavailable(null, "r"));
    assertThrows(NullPointerException.class, () -> SealedSecret.unavailable(STORED, null));
  }
}
