package com.opstower.user.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

  private static final String CURRENT = "correct-horse-battery";

  @Test
  void aLongNewPasswordIsAccepted() {
    assertTrue(PasswordRules.refusalOfNew("admin", CURRENT, "staple-orbit-91-lantern").isEmpty());
    assertTrue(PasswordRules.refusalOfNew("admin", CURRENT, "x".repeat(12)).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "elevenchars"})
  void shortPasswordsAreRefused(String candidate) {
    assertEquals(
        Optional.of("Use at least 12 characters."),
        PasswordRules.refusalOfNew("admin", CURRENT, candidate));
  }

  @Test
  void nullIsRefused() {
    assertTrue(PasswordRules.refusalOfNew("admin", CURRENT, null).isPresent());
  }

  @Test
  void theCurrentPasswordIsRefused() {
    assertEquals(
        Optional.of("Choose a password other than your current one."),
        PasswordRules.refusalOfNew("admin", CURRENT, CURRENT));
  }

  @Test
  void theCurrentPasswordInOtherCaseIsADifferentPassword() {
    assertTrue(PasswordRules.refusalOfNew("admin", CURRENT, CURRENT.toUpperCase()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"operations-lead", "OPERATIONS-LEAD", "Operations-Lead", " operations-lead "})
  void theUsernameIsRefusedInAnyCase(String candidate) {
    assertEquals(
        Optional.of("Your username cannot be your password."),
        PasswordRules.refusalOfNew("operations-lead", CURRENT, candidate));
  }

  @Test
  void aShortUsernameIsRefusedAsTheUsernameNotAsTooShort() {
    assertEquals(
        Optional.of("Your username cannot be your password."),
        PasswordRules.refusalOfNew("admin", CURRENT, "ADMIN"));
  }

  @Test
  void aPasswordThatOnlyContainsTheUsernameIsAllowed() {
    assertFalse(PasswordRules.refusalOfNew("admin", CURRENT, "admin-of-the-tower").isPresent());
  }

  @Test
  void aBootstrapPasswordShorterThanTwelveStopsStartUpNamingTheKey() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> PasswordRules.requireUsableBootstrapPassword(Optional.of("admin12345!")));
    assertTrue(refused.getMessage().contains("opstower.bootstrap.admin-password"));
    assertTrue(refused.getMessage().contains("12"));
    assertFalse(refused.getMessage().contains("admin12345!"), "the value is never shown");
  }

  @Test
  void aBootstrapPasswordOfTwelveOrAnUnsetOneIsFine() {
    assertDoesNotThrow(
        () -> PasswordRules.requireUsableBootstrapPassword(Optional.of("twelve-chars")));
    assertDoesNotThrow(() -> PasswordRules.requireUsableBootstrapPassword(Optional.empty()));
    assertDoesNotThrow(() -> PasswordRules.requireUsableBootstrapPassword(Optional.of("  ")));
  }
}
