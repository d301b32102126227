package com.opstower.crypto.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretBindingTest {

  private static final SecretBinding BOUND =
      new SecretBinding("c1", "https://api.example.com", "BEARER");

  @Test
  void aBoundSecretMayBeUsedOnlyForTheSameRowOriginAndAuthType() {
    assertTrue(BOUND.allows(new SecretBinding("c1", "https://api.example.com", "BEARER")));
    assertFalse(BOUND.allows(new SecretBinding("c2", "https://api.example.com", "BEARER")));
    assertFalse(BOUND.allows(new SecretBinding("c1", "https://evil.example.com", "BEARER")));
    assertFalse(BOUND.allows(new SecretBinding("c1", "http://api.example.com", "BEARER")));
    assertFalse(BOUND.allows(new SecretBinding("c1", "https://api.example.com", "QUERY_PARAM")));
  }

  @Test
  void aSecretFromBeforeTheBindingChecksTheOwnerOnly() {
    SecretBinding old = SecretBinding.ownerOnly("c1");

    assertTrue(old.isOwnerOnly());
    assertTrue(old.allows(BOUND));
    assertFalse(old.allows(new SecretBinding("c2", "https://api.example.com", "BEARER")));
  }

  @Test
  void revealingForAnotherOriginIsRefused() {
    SealedSecret secret = SealedSecret.pending("s3cret", BOUND);

    assertEquals("s3cret", secret.reveal(BOUND));
    assertThrows(
        CredentialUnavailableException.class,
        () -> secret.reveal(new SecretBinding("c1", "https://evil.example.com", "BEARER")));
  }

  @Test
  void originAndAuthTypeAreBoundTogether() {
    assertThrows(
        IllegalArgumentException.class, () -> new SecretBinding("c1", "https://a.example", null));
    assertThrows(IllegalArgumentException.class, () -> new SecretBinding(" ", null, null));
  }
}
