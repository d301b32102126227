package com.opstower.ui.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the UI writes points in time: UTC to the second, the same for every viewer. */
public final class UiTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private UiTime() {}

  public static String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }
}
