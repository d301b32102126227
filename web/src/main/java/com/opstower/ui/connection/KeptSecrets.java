package com.opstower.ui.connection;

import com.opstower.crypto.control.CipherRegistry;
import com.opstower.crypto.entity.SecretBinding;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets typed into a connection form that a server-rendered answer could not keep in the browser:
 * after Test Connection without script, or a rejected Save, the page comes back without the secret
 * (it is never rendered), and Save would otherwise ask for it again. The secret waits here instead,
 * for a few minutes at most: sealed with the product's key (never in clear in the session), bound
 * to a random reference that only that form holds, to the auth type and to the origin it was typed
 * for, and taken out by the Save that uses it.
 */
@SessionScoped
public class KeptSecrets implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Duration KEEP_FOR = Duration.ofMinutes(10);

  /** Forms a person may have open at once; older references are forgotten. */
  private static final int MAX_KEPT = 8;

  private static final String FIELD = "ui.kept_secret";
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Kept(String sealed, String authType, String origin, Instant until)
      implements Serializable {
    SecretBinding binding(String reference) {
      return new SecretBinding(reference, origin, authType);
    }
  }

  private final Map<String, Kept> kept = new LinkedHashMap<>();
  private transient Clock clock = Clock.systemUTC();

  /** For unit tests. */
  void useClock(Clock testClock) {
    this.clock = testClock;
  }

  /**
   * Keeps {@code secret}, typed for {@code authType} and {@code origin}.
   *
   * @return the reference the form sends back with Save
   */
  public synchronized String keep(String secret, String authType, String origin) {
    forgetExpired();
    while (kept.size() >= MAX_KEPT) {
      kept.remove(kept.keySet().iterator().next());
    }
    byte[] random = new byte[18];
    RANDOM.nextBytes(random);
    String reference = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    SecretBinding binding = new SecretBinding(reference, origin, authType);
    kept.put(
        reference,
        new Kept(
            CipherRegistry.current().seal(secret, FIELD, binding),
            authType,
            origin,
            now().plus(KEEP_FOR)));
    return reference;
  }

  /**
   * The secret kept under {@code reference}, if it is still there and was typed for the same auth
   * type and origin; it stays until {@link #forget} (a rejected Save keeps needing it).
   */
  public synchronized Optional<String> find(String reference, String authType, String origin) {
    forgetExpired();
    if (reference == null || authType == null || origin == null) {
      return Optional.empty();
    }
    Kept entry = kept.get(reference);
    SecretBinding use = new SecretBinding(reference, origin, authType);
    if (entry == null || !entry.binding(reference).allows(use)) {
      return Optional.empty();
    }
    try {
      var opened = CipherRegistry.current().open(entry.sealed(), FIELD);
      return opened.binding().equals(use) ? Optional.of(opened.plaintext()) : Optional.empty();
    } catch (RuntimeException unavailable) {
      // keys rotated meanwhile: the person types the secret again
      kept.remove(reference);
      return Optional.empty();
    }
  }

  public synchronized void forget(String reference) {
    if (reference != null) {
      kept.remove(reference);
    }
  }

  synchronized int size() {
    forgetExpired();
    return kept.size();
  }

  private void forgetExpired() {
    Instant now = now();
    kept.values().removeIf(entry -> !entry.until().isAfter(now));
  }

  private Instant now() {
    return (clock == null ? Clock.systemUTC() : clock).instant();
  }
}
