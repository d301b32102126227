package com.opstower.execution.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedTokenTest {

  @Test
  void aSharedValueGivesBackTheSameTokenForEveryLength() {
    for (int length = 1; length <= 40; length++) {
      String sealed = "v2.k1." + "x".repeat(length);
      SharedToken token = new SharedToken(7, 1_800_000_000_000L, sealed);
      long[] values = token.toValues().orElseThrow();
      assertEquals(3 + (sealed.length() + 7) / 8, values.length);
      assertEquals(token, SharedToken.of(values).orElseThrow());
    }
  }

  @Test
  void whatIsNotASharedTokenIsNone() {
    assertFalse(SharedToken.of(null).isPresent());
    assertFalse(SharedToken.of(new long[] {1, 2}).isPresent());
    assertFalse(SharedToken.of(new long[] {1, 2, 0}).isPresent(), "empty");
    assertFalse(SharedToken.of(new long[] {1, 2, 9, 0}).isPresent(), "too short for its length");
    assertFalse(SharedToken.of(new long[] {1, 2, 8, 0}).isPresent(), "not printable");
    assertFalse(SharedToken.of(new long[] {1, 2, Long.MAX_VALUE, 0}).isPresent(), "too long");
  }

  @Test
  void aTokenTooLongToShareIsNotShared() {
    String sealed = "v2." + "y".repeat(SharedToken.MAX_SEALED_BYTES);
    assertFalse(new SharedToken(1, 2, sealed).toValues().isPresent());
    assertTrue(new SharedToken(1, 2, "v2.short").toValues().isPresent());
  }

  @Test
  void itsTextNamesNoToken() {
    assertFalse(new SharedToken(1, 2, "v2.k1.secret-part").toString().contains("secret"));
  }
}
