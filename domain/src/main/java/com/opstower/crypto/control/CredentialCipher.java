package com.opstower.crypto.control;

import com.opstower.crypto.entity.CredentialUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens credentials with AES-256-GCM. Stored form: {@code v1.<kid>.<base64url(nonce ‖
 * ciphertext ‖ tag)>} without padding.
 *
 * <ul>
 *   <li>The AAD {@code v1|<kid>|<field>} binds version, key id and field: a ciphertext moved to
 *       another column fails authentication.
 *   <li>The encrypted payload carries the owning row's id (see {@link OwnedPlaintext}): a
 *       ciphertext moved to another row opens, but the entity refuses it when it compares ids.
 * </ul>
 *
 * <p>Thread-safe: {@link SecureRandom} is, and each operation gets its own {@link Cipher}.
 */
public final class CredentialCipher {

  /** The decrypted content of a stored value; {@code toString()} hides the secret. */
  public record Opened(String ownerId, String plaintext) {
    @Override
    public String toString() {
      return "Opened[ownerId=" + ownerId + "]";
    }
  }

  static final String VERSION = "v1";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int TAG_BYTES = TAG_BITS / 8;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final KeyRing ring;

  public CredentialCipher(KeyRing ring) {
    this.ring = Objects.requireNonNull(ring, "ring");
  }

  public String activeKeyId() {
    return ring.activeKeyId();
  }

  /** Whether values sealed under {@code kid} can be opened. */
  public boolean hasKey(String kid) {
    return ring.key(kid).isPresent();
  }

  /** Encrypts {@code plaintext} of the row {@code ownerId} for the column {@code field}. */
  public String seal(String plaintext, String field, String ownerId) {
    Objects.requireNonNull(plaintext, "plaintext");
    requireText(field, "field");
    requireText(ownerId, "ownerId");
    var kid = ring.activeKeyId();
    var key = ring.key(kid).orElseThrow();
    var nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    var payload = OwnedPlaintext.encode(ownerId, plaintext);
    try {
      var cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, kid, field);
      var encrypted = cipher.doFinal(payload); // ciphertext ‖ tag
      var stored =
          ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array();
      return VERSION + "." + kid + "." + ENCODER.encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption is not available", e);
    } finally {
      Arrays.fill(payload, (byte) 0);
    }
  }

  /**
   * Decrypts a stored value of the column {@code field}.
   *
   * @throws CredentialUnavailableException on an unknown version or key id, a malformed value, or a
   *     failed authentication (tampering, another field's value)
   */
  public Opened open(String sealedText, String field) {
    requireText(field, "field");
    if (sealedText == null) {
      throw new CredentialUnavailableException();
    }
    var parts = sealedText.split("\\.", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new CredentialUnavailableException();
    }
    var kid = parts[1];
    var key = ring.key(kid).orElseThrow(CredentialUnavailableException::new);
    var stored = decodeCanonical(parts[2]);
    if (stored.length < NONCE_BYTES + TAG_BYTES) {
      throw new CredentialUnavailableException();
    }
    byte[] payload = null;
    try {
      var nonce = Arrays.copyOf(stored, NONCE_BYTES);
      var cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, kid, field);
      payload = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      return OwnedPlaintext.decode(payload);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CredentialUnavailableException();
    } finally {
      if (payload != null) {
        Arrays.fill(payload, (byte) 0);
      }
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String kid, String field)
      throws GeneralSecurityException {
    var cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD((VERSION + "|" + kid + "|" + field).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /**
   * Decodes Base64url and accepts only the one spelling {@link #seal} produces: the JDK decoder
   * would also take padding and ignore non-zero trailing bits, giving one ciphertext several stored
   * forms.
   */
  private static byte[] decodeCanonical(String text) {
    try {
      var bytes = DECODER.decode(text);
      if (!ENCODER.encodeToString(bytes).equals(text)) {
        throw new CredentialUnavailableException();
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new CredentialUnavailableException();
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
