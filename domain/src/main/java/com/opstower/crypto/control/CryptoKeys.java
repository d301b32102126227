package com.opstower.crypto.control;

import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the encryption keys once at start-up — from {@code opstower.crypto.keys} or, when none are
 * configured, from a generated key file — and installs the cipher the JPA converter uses.
 */
@ApplicationScoped
public class CryptoKeys {

  private static final Logger LOG = Logger.getLogger(CryptoKeys.class.getName());

  @Inject
  @ConfigProperty(name = Settings.CRYPTO_KEYS)
  Optional<String> keys;

  @Inject
  @ConfigProperty(name = Settings.CRYPTO_ACTIVE_KEY)
  Optional<String> activeKey;

  @Inject
  @ConfigProperty(name = Settings.DATA_DIR, defaultValue = Settings.DATA_DIR_DEFAULT)
  String dataDir;

  private volatile CredentialCipher cipher;

  /** Throws {@link CryptoConfigurationException} with a message that names the problem. */
  public synchronized void load() {
    if (cipher != null) {
      return;
    }
    KeyRing ring =
        keys.filter(spec -> !spec.isBlank())
            .map(spec -> KeyRing.parse(spec, activeKey.orElse(null)))
            .orElseGet(() -> KeyFile.loadOrGenerate(Path.of(dataDir), LOG));
    CredentialCipher loaded = new CredentialCipher(ring);
    CipherRegistry.install(loaded);
    cipher = loaded;
    LOG.info(
        () ->
            "Encryption keys loaded: "
                + ring.keyIds().size()
                + " key(s), active key id '"
                + ring.activeKeyId()
                + "'.");
  }

  public boolean isLoaded() {
    return cipher != null;
  }

  public CredentialCipher cipher() {
    CredentialCipher current = cipher;
    if (current == null) {
      throw new IllegalStateException("Encryption keys are not loaded");
    }
    return current;
  }
}
