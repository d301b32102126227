package com.opstower.crypto.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A credential as an entity holds it. Immutable; replace it to change the secret.
 *
 * <p>The stored form ({@code v1.<kid>.<payload>}) carries the id of the row it was sealed for,
 * because a JPA converter has no row context: {@link #reveal(String)} compares that id with the
 * entity asking, so a ciphertext copied from another row is refused instead of being used.
 */
public final class SealedSecret {

  private static final Pattern STORED_FORM = Pattern.compile("v\\d+\\.([A-Za-z0-9_-]{1,32})\\..*");

  private enum State {
    PENDING,
    OPENED,
    UNAVAILABLE
  }

  private final State state;
  private final String sealedText;
  private final String plaintext;
  private final SecretBinding binding;
  private final String unavailableReason;

  private SealedSecret(
      State state, String sealedText, String plaintext, SecretBinding binding, String reason) {
    this.state = state;
    this.sealedText = sealedText;
    this.plaintext = plaintext;
    this.binding = binding;
    this.unavailableReason = reason;
  }

  /**
   * A newly entered secret for the row {@code ownerId}, bound to the owner only; it is encrypted
   * when the row is written.
   */
  public static SealedSecret pending(String plaintext, String ownerId) {
    return pending(plaintext, SecretBinding.ownerOnly(requireOwner(ownerId)));
  }

  /** A newly entered secret with its binding; it is encrypted when the row is written. */
  public static SealedSecret pending(String plaintext, SecretBinding binding) {
    return new SealedSecret(
        State.PENDING,
        null,
        Objects.requireNonNull(plaintext, "plaintext"),
        Objects.requireNonNull(binding, "binding"),
        null);
  }

  /** A stored secret that was decrypted; {@code ownerId} is the row id sealed inside it. */
  public static SealedSecret opened(String sealedText, String plaintext, String ownerId) {
    return opened(sealedText, plaintext, SecretBinding.ownerOnly(requireOwner(ownerId)));
  }

  /** A stored secret that was decrypted, with the binding that was authenticated with it. */
  public static SealedSecret opened(String sealedText, String plaintext, SecretBinding binding) {
    return new SealedSecret(
        State.OPENED,
        Objects.requireNonNull(sealedText, "sealedText"),
        Objects.requireNonNull(plaintext, "plaintext"),
        Objects.requireNonNull(binding, "binding"),
        null);
  }

  /**
   * A stored secret that cannot be decrypted. It keeps its stored form so that writing the row back
   * never destroys it (restoring the key makes it readable again).
   *
   * @param reason generic text for logs and the UI; never key material or plaintext
   */
  public static SealedSecret unavailable(String sealedText, String reason) {
    return new SealedSecret(
        State.UNAVAILABLE,
        Objects.requireNonNull(sealedText, "sealedText"),
        null,
        null,
        Objects.requireNonNull(reason, "reason"));
  }

  private static String requireOwner(String ownerId) {
    if (ownerId == null || ownerId.isBlank()) {
      throw new IllegalArgumentException("a secret needs the id of the row that owns it");
    }
    return ownerId;
  }

  /** The stored form; empty while the secret is pending. */
  public Optional<String> sealedText() {
    return Optional.ofNullable(sealedText);
  }

  /** The key id of the stored form, e.g. to find rows that still need re-encryption. */
  public Optional<String> keyId() {
    if (sealedText == null) {
      return Optional.empty();
    }
    var matcher = STORED_FORM.matcher(sealedText);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The row id this secret was entered or sealed for; empty when it cannot be decrypted. */
  public Optional<String> ownerId() {
    return binding().map(SecretBinding::ownerId);
  }

  /** Where this secret may be used; empty when it cannot be decrypted. */
  public Optional<SecretBinding> binding() {
    return Optional.ofNullable(binding);
  }

  /** Whether it was sealed before origin and auth type were bound (and should be sealed again). */
  public boolean isOwnerOnly() {
    return binding != null && binding.isOwnerOnly();
  }

  /** Why the secret cannot be decrypted; empty when it can. */
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(unavailableReason);
  }

  public boolean isPending() {
    return state == State.PENDING;
  }

  public boolean isAvailable() {
    return state != State.UNAVAILABLE;
  }

  /**
   * The plaintext, for the row {@code expectedOwnerId} only.
   *
   * @throws CredentialUnavailableException if the secret cannot be decrypted or was sealed for
   *     another row (a ciphertext copied between rows)
   */
  public String reveal(String expectedOwnerId) {
    if (state == State.UNAVAILABLE || !binding.ownerId().equals(expectedOwnerId)) {
      throw new CredentialUnavailableException();
    }
    return plaintext;
  }

  /**
   * The plaintext, for a use that its binding allows (docs/security.md §11).
   *
   * @throws CredentialUnavailableException if the secret cannot be decrypted, was sealed for
   *     another row, or is bound to another origin or auth type than the row now has
   */
  public String reveal(SecretBinding use) {
    if (state == State.UNAVAILABLE || !binding.allows(use)) {
      throw new CredentialUnavailableException();
    }
    return plaintext;
  }

  /**
   * Two stored secrets are equal when their stored forms are; a pending secret equals only itself.
   * This keeps JPA dirty checking right without comparing (or hashing) plaintext.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof SealedSecret that
        && sealedText != null
        && sealedText.equals(that.sealedText);
  }

  @Override
  public int hashCode() {
    return sealedText == null ? System.identityHashCode(this) : sealedText.hashCode();
  }

  @Override
  public String toString() {
    return switch (state) {
      case PENDING -> "SealedSecret[pending]";
      case OPENED -> "SealedSecret[keyId=" + keyId().orElse("?") + "]";
      case UNAVAILABLE -> "SealedSecret[unavailable, keyId=" + keyId().orElse("?") + "]";
    };
  }
}
