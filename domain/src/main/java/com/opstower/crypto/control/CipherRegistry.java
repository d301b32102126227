package com.opstower.crypto.control;

import java.util.Objects;

/**
 * Hands the cipher to JPA converters. The persistence provider instantiates converters itself, so
 * they cannot be injected; the start-up bean that loads the keys installs the cipher here first.
 */
public final class CipherRegistry {

  private static volatile CredentialCipher current;

  private CipherRegistry() {}

  public static void install(CredentialCipher cipher) {
    current = Objects.requireNonNull(cipher, "cipher");
  }

  /**
   * @throws IllegalStateException if no cipher is installed yet
   */
  public static CredentialCipher current() {
    var cipher = current;
    if (cipher == null) {
      throw new IllegalStateException("encryption keys are not loaded");
    }
    return cipher;
  }

  /** For tests and shutdown. */
  public static void clear() {
    current = null;
  }
}
