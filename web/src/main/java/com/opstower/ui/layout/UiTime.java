package com.opstower.ui.layout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the UI writes points in time: in full as UTC to the second, the same for every viewer, and in
 * lists as a short relative time ("3 min ago", "yesterday", "12 Nov") with the full time on hover.
 * Calendar days are UTC days, so every viewer reads the same words.
 */
public final class UiTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Up to this far in the future (clock skew between servers) still reads "just now". */
  private static final Duration SKEW = Duration.ofMinutes(1);

  /** Counted in hours rather than calendar days while this recent, even across midnight. */
  private static final Duration RECENT_HOURS = Duration.ofHours(6);

  private UiTime() {}

  /** E.g. {@code 2026-11-29 14:56:03 UTC}; empty for {@code null}. */
  public static String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  /** {@code instant} as lists show it, relative to the system clock; {@code null} stays null. */
  public static Shown shown(Instant instant) {
    return shown(instant, Clock.systemUTC());
  }

  /** {@code instant} as lists show it, relative to {@code clock}; {@code null} stays null. */
  public static Shown shown(Instant instant, Clock clock) {
    if (instant == null) {
      return null;
    }
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return new Shown(seconds.toString(), format(seconds), relative(instant, clock.instant()));
  }

  /**
   * "just now" (under a minute), "N min ago" (under an hour), "N h ago" (the same UTC day, or under
   * six hours), "yesterday", "12 Nov" (this year) or "12 Nov 2025". A time more than a minute in
   * the future gets its date, like an old one.
   */
  public static String relative(Instant instant, Instant now) {
    Duration ago = Duration.between(instant, now);
    if (ago.compareTo(SKEW.negated()) < 0) {
      return date(instant, now);
    }
    if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
      return "just now";
    }
    if (ago.compareTo(Duration.ofHours(1)) < 0) {
      return ago.toMinutes() + " min ago";
    }
    LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (ago.compareTo(RECENT_HOURS) < 0 || day.equals(today)) {
      return ago.toHours() + " h ago";
    }
    if (day.equals(today.minusDays(1))) {
      return "yesterday";
    }
    return date(instant, now);
  }

  private static String date(Instant instant, Instant now) {
    boolean thisYear =
        LocalDate.ofInstant(instant, ZoneOffset.UTC).getYear()
            == LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
    return (thisYear ? DAY_MONTH : DAY_MONTH_YEAR).format(instant);
  }

  /**
   * A point in time for a {@code <time>} element: {@code iso} for its {@code datetime} attribute,
   * {@code full} for its {@code title} (shown on hover), {@code relative} as its text.
   */
  public record Shown(String iso, String full, String relative) {}
}
