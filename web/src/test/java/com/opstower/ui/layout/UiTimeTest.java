package com.opstower.ui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UiTimeTest {

  private static final Instant NOW = Instant.parse("2026-11-29T14:56:03Z");

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "2026-11-29T14:56:03Z, just now",
    "2026-11-29T14:55:04Z, just now",
    "2026-11-29T14:56:40Z, just now",
    "2026-11-29T14:55:03Z, 1 min ago",
    "2026-11-29T14:53:00Z, 3 min ago",
    "2026-11-29T13:56:04Z, 59 min ago",
    "2026-11-29T13:56:03Z, 1 h ago",
    "2026-11-29T00:00:01Z, 14 h ago",
    "2026-11-28T23:59:59Z, yesterday",
    "2026-11-28T00:00:00Z, yesterday",
    "2026-11-27T23:59:59Z, 27 Nov",
    "2026-01-01T00:00:00Z, 1 Jan",
    "2025-12-31T23:59:59Z, 31 Dec 2025",
    "2026-11-29T15:10:00Z, 29 Nov",
    "2027-01-02T00:00:00Z, 2 Jan 2027"
  })
  void readsRelativeToNow(String at, String expected) {
    assertEquals(expected, UiTime.relative(Instant.parse(at), NOW));
  }

  @Test
  void countsHoursAcrossMidnightWhileRecent() {
    Instant justAfterMidnight = Instant.parse("2026-11-30T00:30:00Z");
    assertEquals(
        "1 h ago", UiTime.relative(Instant.parse("2026-11-29T23:00:00Z"), justAfterMidnight));
    assertEquals(
        "5 h ago", UiTime.relative(Instant.parse("2026-11-29T19:00:00Z"), justAfterMidnight));
    assertEquals(
        "yesterday", UiTime.relative(Instant.parse("2026-11-29T18:00:00Z"), justAfterMidnight));
  }

  @Test
  void showsTheIsoTimeForTheDatetimeAttributeAndTheFullTimeForTheTitle() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    UiTime.Shown shown = UiTime.shown(Instant.parse("2026-11-29T14:53:00.123456Z"), clock);
    assertEquals("2026-11-29T14:53:00Z", shown.iso());
    assertEquals("2026-11-29 14:53:00 UTC", shown.full());
    assertEquals("3 min ago", shown.relative());
  }

  @Test
  void nothingStaysNothing() {
    assertNull(UiTime.shown(null, Clock.fixed(NOW, ZoneOffset.UTC)));
    assertEquals("", UiTime.format(null));
  }

  @Test
  void theFullFormatIsUnchanged() {
    assertEquals("2026-11-29 14:56:03 UTC", UiTime.format(NOW));
  }
}
