package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CipherRegistryTest {

  @AfterEach
  void clear() {
    CipherRegistry.clear();
  }

  @Test
  void failsClearlyBeforeKeysAreLoaded() {
    CipherRegistry.clear();

    var e = assertThrows(IllegalStateException.class, CipherRegistry::current);

    assertEquals("encryption keys are not loaded", e.getMessage());
  }

  @Test
  void handsOutTheInstalledCipherUntilCleared() {
    var cipher = TestKeys.cipher("k1");
    CipherRegistry.install(cipher);

    assertSame(cipher, CipherRegistry.current());
    CipherRegistry.clear();
    assertThrows(IllegalStateException.class, CipherRegistry::current);
  }

  @Test
  void refusesToInstallNothing() {
    assertThrows(NullPointerException.class, () -> CipherRegistry.install(null));
  }
}
