package com.opstower.crypto.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Random keys and rings for tests. */
final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static String randomKey() {
    return randomKey(32);
  }

  static String randomKey(int bytes) {
    var key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A ring with one random key per id; the first id is active. */
  static KeyRing ring(String... kids) {
    var spec = new StringBuilder();
    for (var kid : kids) {
      spec.append(kid).append(':').append(randomKey()).append(',');
    }
    return KeyRing.parse(spec.toString(), kids[0]);
  }

  static CredentialCipher cipher(String... kids) {
    return new CredentialCipher(ring(kids));
  }
}
