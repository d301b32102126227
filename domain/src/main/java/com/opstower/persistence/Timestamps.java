package com.opstower.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision the database keeps, so a value reads back exactly as it was
 * returned when it was written.
 */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
