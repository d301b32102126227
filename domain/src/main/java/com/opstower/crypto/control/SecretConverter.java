package com.opstower.crypto.control;

import com.opstower.crypto.entity.SealedSecret;
import jakarta.persistence.AttributeConverter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Encrypts a {@link SealedSecret} column on write and decrypts it on load. One subclass per column,
 * because the column name is bound into the ciphertext.
 *
 * <p>Loading never throws: a row whose key is missing or whose value was tampered with loads as
 * {@link SealedSecret#unavailable unavailable}, so a list of connections still shows when one of
 * them cannot be decrypted, and using that one secret gives {@code credential-unavailable}.
 */
public abstract class SecretConverter implements AttributeConverter<SealedSecret, String> {

  private static final Logger LOG = Logger.getLogger(SecretConverter.class.getName());

  private final String field;

  protected SecretConverter(String field) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  public String convertToDatabaseColumn(SealedSecret secret) {
    if (secret == null) {
      return null;
    }
    if (secret.isPending()) {
      var binding = secret.binding().orElseThrow();
      return CipherRegistry.current().seal(secret.reveal(binding), field, binding);
    }
    // Already stored: written back as it is. An unavailable value is kept, not destroyed, so
    // restoring its key makes it readable again.
    return secret.sealedText().orElseThrow();
  }

  @Override
  public SealedSecret convertToEntityAttribute(String sealedText) {
    if (sealedText == null) {
      return null;
    }
    try {
      var opened = CipherRegistry.current().open(sealedText, field);
      return SealedSecret.opened(sealedText, opened.plaintext(), opened.binding());
    } catch (RuntimeException e) {
      var reason = reasonFor(sealedText);
      LOG.log(Level.FINE, "A stored {0} cannot be decrypted: {1}", new Object[] {field, reason});
      return SealedSecret.unavailable(sealedText, reason);
    }
  }

  private static String reasonFor(String sealedText) {
    CredentialCipher cipher;
    try {
      cipher = CipherRegistry.current();
    } catch (IllegalStateException e) {
      return "encryption keys are not loaded";
    }
    var parts = sealedText.split("\\.", 3);
    if (parts.length == 3
        && KeyRing.KEY_ID.matcher(parts[1]).matches()
        && !cipher.hasKey(parts[1])) {
      return "encryption key '" + parts[1] + "' is not loaded";
    }
    return "the stored value is malformed or was altered";
  }
}
