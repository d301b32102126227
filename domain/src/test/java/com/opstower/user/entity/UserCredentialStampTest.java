package com.opstower.user.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserCredentialStampTest {

  private static final String HASH = "PBKDF2WithHmacSHA256:600000:c2FsdA==:a2V5";

  @Test
  void theStampChangesWithThePasswordAndOnlyThen() {
    User user = new User("admin", HASH, User.ROLE_ADMIN, Instant.EPOCH);
    String before = user.credentialStamp();
    assertEquals(before, new User("admin", HASH, User.ROLE_ADMIN, Instant.now()).credentialStamp());
    user.changePasswordHash(HASH.replace("a2V5", "b3Ro"), Instant.now());
    assertNotEquals(before, user.credentialStamp());
  }

  @Test
  void theStampDoesNotContainTheHash() {
    String stamp = new User("admin", HASH, User.ROLE_ADMIN, Instant.EPOCH).credentialStamp();
    assertFalse(stamp.contains("c2FsdA") || stamp.contains("a2V5"));
    assertEquals(22, stamp.length(), "16 bytes, Base64 without padding");
  }
}
