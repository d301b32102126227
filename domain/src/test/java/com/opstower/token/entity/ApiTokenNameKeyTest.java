package com.opstower.token.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Alone: one test changes the JVM's default locale, which every class running beside it sees. */
@Isolated
class ApiTokenNameKeyTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void aLiveTokenHoldsItsLowerCasedNameAndRevokingFreesIt() {
    ApiToken token = new ApiToken("CI-Agent", Set.of(Scope.AGENT), "0".repeat(64), NOW);
    assertEquals("CI-Agent", token.name());
    assertEquals(Optional.of("ci-agent"), token.nameKey());
    token.revoke(NOW);
    assertEquals(Optional.empty(), token.nameKey());
    assertEquals("CI-Agent", token.name(), "the name stays for the record");
  }

  @Test
  void theKeyDoesNotDependOnTheServersLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertEquals("title", ApiToken.nameKey("TITLE"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void theKeyColumnHasRoomForNamesThatGrowWhenLowerCased() {
    String name = "\u0130".repeat(ApiToken.NAME_MAX);
    assertEquals(true, ApiToken.nameKey(name).length() <= ApiToken.NAME_KEY_MAX);
  }
}
