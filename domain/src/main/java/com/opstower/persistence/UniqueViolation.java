package com.opstower.persistence;

import java.sql.SQLException;

/**
 * Whether a failed flush was refused by a UNIQUE constraint (SQLSTATE 23505 on PostgreSQL and
 * HSQLDB alike; other integrity violations, e.g. a foreign key, are not this). The service checks
 * first; this catches the race between two requests that both passed the check.
 */
public final class UniqueViolation {

  private static final String UNIQUE_SQLSTATE = "23505";

  private UniqueViolation() {}

  public static boolean in(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_SQLSTATE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
