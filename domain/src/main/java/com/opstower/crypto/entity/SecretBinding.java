package com.opstower.crypto.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a sealed secret may be used (docs/security.md §11): the row that owns it, the origin
 * (scheme, host, port) it may be sent to and the way it is sent (the auth type). The cipher
 * authenticates the binding with the ciphertext, and the entity compares it with its own values
 * before revealing the secret, so a base URL or auth type changed in the database, not through the
 * product, makes the secret unavailable instead of sending it somewhere new.
 *
 * <p>Secrets sealed before v1.1 bound only the owner; they load as {@link #ownerOnly} and are
 * sealed again with the full binding at start-up or by the re-encryption job.
 */
public record SecretBinding(String ownerId, String origin, String authType) {

  public SecretBinding {
    if (ownerId == null || ownerId.isBlank()) {
      throw new IllegalArgumentException("a secret needs the id of the row that owns it");
    }
    if ((origin == null) != (authType == null)) {
      throw new IllegalArgumentException("origin and auth type are bound together or not at all");
    }
  }

  /** The binding of a secret sealed before v1.1: the owner only. */
  public static SecretBinding ownerOnly(String ownerId) {
    return new SecretBinding(ownerId, null, null);
  }

  /** Whether the secret was sealed before origin and auth type were bound. */
  public boolean isOwnerOnly() {
    return origin == null;
  }

  public Optional<String> originIfBound() {
    return Optional.ofNullable(origin);
  }

  /**
   * Whether a secret with this binding may be used by {@code use}: the same owner always, and the
   * same origin and auth type unless this binding predates them.
   */
  public boolean allows(SecretBinding use) {
    Objects.requireNonNull(use, "use");
    return ownerId.equals(use.ownerId)
        && (isOwnerOnly() || (origin.equals(use.origin) && authType.equals(use.authType)));
  }
}
