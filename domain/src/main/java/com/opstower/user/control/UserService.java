package com.opstower.user.control;

import com.opstower.persistence.Timestamps;
import com.opstower.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * People who sign in to the UI: the first admin, password checks and changes, and the credential
 * stamp a signed-in session is checked against.
 */
@ApplicationScoped
@Transactional
public class UserService {

  public static final String ADMIN_USERNAME = "admin";

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; docs/security.md asks for at least 600,000. */
  static final int ITERATIONS = 600_000;

  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @PersistenceContext EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  void configureHash() {
    passwordHash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /**
   * Creates user {@code admin} when there is no user. Returns the generated password when none was
   * configured (to be shown once), empty otherwise.
   *
   * @throws IllegalStateException when the configured password is shorter than {@link
   *     PasswordRules#MIN_LENGTH}, whether or not a user exists yet
   */
  public Optional<String> bootstrapAdmin(Optional<String> configuredPassword) {
    PasswordRules.requireUsableBootstrapPassword(configuredPassword);
    long users = em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    if (users > 0) {
      return Optional.empty();
    }
    Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
    String password = configured.orElseGet(UserService::randomPassword);
    em.persist(new User(ADMIN_USERNAME, hash(password), User.ROLE_ADMIN, Timestamps.now()));
    return configured.isPresent() ? Optional.empty() : Optional.of(password);
  }

  /** The user when the password matches; the same time is spent for unknown users. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<User> verify(String username, char[] password) {
    configureHash();
    Optional<User> user =
        em
            .createNamedQuery(User.FIND_BY_USERNAME, User.class)
            .setParameter("username", username)
            .getResultList()
            .stream()
            .findFirst();
    if (user.isEmpty()) {
      passwordHash.generate(password);
      return Optional.empty();
    }
    return passwordHash.verify(password, user.get().passwordHash()) ? user : Optional.empty();
  }

  /**
   * Stores the new password's hash. Returns the new {@link User#credentialStamp()}: sessions that
   * carry the old one are signed out on their next request.
   */
  public String changePassword(String username, String newPassword) {
    User user =
        em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
            .setParameter("username", username)
            .getSingleResult();
    user.changePasswordHash(hash(newPassword), Timestamps.now());
    return user.credentialStamp();
  }

  /**
   * The user's current {@link User#credentialStamp()}; empty for an unknown user. One indexed read
   * and no hashing, cheap enough for every UI request.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> credentialStamp(String username) {
    return em
        .createNamedQuery(User.FIND_BY_USERNAME, User.class)
        .setParameter("username", username)
        .getResultList()
        .stream()
        .findFirst()
        .map(User::credentialStamp);
  }

  private String hash(String password) {
    configureHash();
    return passwordHash.generate(password.toCharArray());
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}
