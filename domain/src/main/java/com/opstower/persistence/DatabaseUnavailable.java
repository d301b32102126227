package com.opstower.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, network gone), as
 * opposed to a fault of the request or the code: a connection-class SQLSTATE ({@code 08…}), a
 * connection exception of JDBC, a refused socket, or the connection pool failing to hand out a
 * connection ({@code jakarta.resource.ResourceException}). Such failures answer 503 and pass once
 * the database is back; the pool drops broken connections by itself.
 */
public final class DatabaseUnavailable {

  private static final String CONNECTION_CLASS = "08";

  private DatabaseUnavailable() {}

  public static boolean in(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof jakarta.resource.ResourceException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(CONNECTION_CLASS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The driver's words for the fault: the message of the innermost {@link SQLException} or socket
   * failure, never the failed statement (whose description may name entity values).
   */
  public static String reason(Throwable failure) {
    String reason = failure.getClass().getSimpleName();
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if ((cause instanceof SQLException || cause instanceof ConnectException)
          && cause.getMessage() != null) {
        reason = cause.getMessage().strip();
      }
    }
    return reason;
  }
}
