package com.opstower.crypto.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Writes the stored form of releases before v1.1 ({@code v1.<kid>.<base64url(nonce ‖ ciphertext ‖
 * tag)>}, AAD {@code v1|kid|field}, the owner id inside the payload), written here independently of
 * {@link CredentialCipher} so that tests prove old rows still open.
 */
final class LegacySealer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LegacySealer() {}

  static String sealV1(KeyRing ring, String kid, String plaintext, String field, String owner) {
    try {
      var nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, ring.key(kid).orElseThrow(), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(("v1|" + kid + "|" + field).getBytes(StandardCharsets.UTF_8));
      var encrypted = cipher.doFinal(OwnedPlaintext.encode(owner, plaintext));
      var stored =
          ByteBuffer.allocate(nonce.length + encrypted.length).put(nonce).put(encrypted).array();
      return "v1." + kid + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
