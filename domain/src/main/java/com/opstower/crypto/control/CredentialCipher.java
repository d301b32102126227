package com.opstower.crypto.control;

import com.opstower.crypto.entity.CredentialUnavailableException;
import com.opstower.crypto.entity.SecretBinding;
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
 * Seals and opens credentials with AES-256-GCM. Stored form (since v1.1): {@code
 * v2.<kid>.<base64url(binding)>.<base64url(nonce ‖ ciphertext ‖ tag)>} without padding.
 *
 * <ul>
 *   <li>The AAD {@code v2|<kid>|<field>|<base64url(binding)>} binds version, key id, field and the
 *       {@link SecretBinding} (owning row, origin, auth type; see {@link BindingCodec}): a
 *       ciphertext moved to another column, or a binding edited in the stored text, fails
 *       authentication; the entity refuses a binding that does not match the row (docs/security.md
 *       §11).
 *   <li>Values sealed before v1.1 ({@code v1.<kid>.<…>}, the owner id inside the payload, see
 *       {@link OwnedPlaintext}) still open, with an owner-only binding, until they are sealed
 *       again.
 * </ul>
 *
 * <p>Thread-safe: {@link SecureRandom} is, and each operation gets its own {@link Cipher}.
 */
public final class CredentialCipher {

  /** The decrypted content of a stored value; {@code toString()} hides the secret. */
  public record Opened(SecretBinding binding, String plaintext) {
    public String ownerId() {
      return binding.ownerId();
    }

    @Override
    public String toString() {
      return "Opened[" + binding + "]";
    }
  }

  static final String VERSION = "v2";
  static final String LEGACY_VERSION = "v1";
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
    requireText(ownerId, "ownerId");
    return seal(plaintext, field, SecretBinding.ownerOnly(ownerId));
  }

  /** Encrypts {@code plaintext} for the column {@code field}, bound to {@code binding}. */
  public String seal(String plaintext, String field, SecretBinding binding) {
    Objects.requireNonNull(plaintext, "plaintext");
    requireText(field, "field");
    Objects.requireNonNull(binding, "binding");
    var kid = ring.activeKeyId();
    var key = ring.key(kid).orElseThrow();
    var nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    var bindingText = ENCODER.encodeToString(BindingCodec.encode(binding));
    var payload = plaintext.getBytes(StandardCharsets.UTF_8);
    try {
      var cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, aad(VERSION, kid, field, bindingText));
      var encrypted = cipher.doFinal(payload); // ciphertext ‖ tag
      var stored =
          ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array();
      return VERSION + "." + kid + "." + bindingText + "." + ENCODER.encodeToString(stored);
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
    boolean legacy = parts.length == 3 && LEGACY_VERSION.equals(parts[0]);
    if (!legacy && (parts.length != 4 || !VERSION.equals(parts[0]))) {
      throw new CredentialUnavailableException();
    }
    var kid = parts[1];
    var key = ring.key(kid).orElseThrow(CredentialUnavailableException::new);
    var stored = decodeCanonical(parts[parts.length - 1]);
    if (stored.length < NONCE_BYTES + TAG_BYTES) {
      throw new CredentialUnavailableException();
    }
    byte[] payload = null;
    try {
      var nonce = Arrays.copyOf(stored, NONCE_BYTES);
      var aad = legacy ? aad(LEGACY_VERSION, kid, field, null) : aad(VERSION, kid, field, parts[2]);
      var cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, aad);
      payload = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      if (legacy) {
        return OwnedPlaintext.decode(payload);
      }
      var binding = BindingCodec.decode(decodeCanonical(parts[2]));
      return new Opened(binding, OwnedPlaintext.strictUtf8(ByteBuffer.wrap(payload)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CredentialUnavailableException();
    } finally {
      if (payload != null) {
        Arrays.fill(payload, (byte) 0);
      }
    }
  }

  /** v1: {@code v1|kid|field}; v2 adds {@code |<base64url(binding)>}. */
  private static byte[] aad(String version, String kid, String field, String bindingText) {
    var text = version + "|" + kid + "|" + field + (bindingText == null ? "" : "|" + bindingText);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    var cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
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
