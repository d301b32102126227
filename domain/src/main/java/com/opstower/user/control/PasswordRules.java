package com.opstower.user.control;

import com.opstower.config.Settings;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: at least 12 characters, for the configured first-start password as for a
 * new one chosen on the account page; a new one must also differ from the current password and from
 * the username, which are the first two guesses of anyone who tries.
 */
public final class PasswordRules {

  /** The floor for every password a person sets; the generated one has 20 random characters. */
  public static final int MIN_LENGTH = 12;

  private PasswordRules() {}

  /**
   * Why {@code candidate} cannot replace {@code current} as the password of {@code username}, in
   * words for the form; empty when it can. {@code current} must already have been verified. The
   * specific refusals come before the length rule, so "admin" as a new password is refused as the
   * username rather than as too short.
   */
  public static Optional<String> refusalOfNew(String username, String current, String candidate) {
    if (candidate == null || candidate.isEmpty()) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (candidate.equals(current)) {
      return Optional.of("Choose a password other than your current one.");
    }
    if (username != null && normalized(candidate).equals(normalized(username))) {
      return Optional.of("Your username cannot be your password.");
    }
    if (candidate.length() < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    return Optional.empty();
  }

  /**
   * Stops start-up when {@code opstower.bootstrap.admin-password} is set but too short, like a
   * short bootstrap token: a guessable admin password would be live from the first second. A blank
   * value counts as not set (a password is then generated).
   *
   * @throws IllegalStateException naming the key; the value itself is never part of the message
   */
  public static void requireUsableBootstrapPassword(Optional<String> configured) {
    configured
        .filter(password -> !password.isBlank())
        .filter(password -> password.length() < MIN_LENGTH)
        .ifPresent(
            tooShort -> {
              throw new IllegalStateException(
                  Settings.BOOTSTRAP_ADMIN_PASSWORD
                      + " is too short: use at least "
                      + MIN_LENGTH
                      + " characters, or leave it unset to have a password generated.");
            });
  }

  private static String normalized(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
