package com.opstower.app.database;

import com.opstower.config.Settings;
import java.sql.SQLException;

/**
 * The words for a database that cannot be used: the settings, the driver's reason, what to check.
 */
final class DatabaseFault {

  /** SQLSTATE "client unable to establish connection". */
  static final String CANNOT_CONNECT = "08001";

  private DatabaseFault() {}

  /**
   * "Cannot use the database opstower.db.url=… as user '…': <the driver's reason>. Check …".
   *
   * @param settings {@link DatabaseTarget#describe()}: no password, no URL parameters
   */
  static String message(String settings, SQLException failure) {
    return "Cannot use the database "
        + settings
        + ": "
        + reason(failure)
        + " Check "
        + Settings.DB_URL
        + ", "
        + Settings.DB_USER
        + " and "
        + Settings.DB_PASSWORD
        + ", and that the database is running and reachable.";
  }

  /**
   * The driver's own message: the deepest {@link SQLException} of the chain, as the pool wraps the
   * driver's exception in its own (and the driver wraps the socket's, which says less).
   */
  static String reason(Throwable failure) {
    String message = failure.getMessage();
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof SQLException
          && cause.getMessage() != null
          && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    String text = message == null ? failure.getClass().getSimpleName() : message.strip();
    return text.endsWith(".") ? text : text + ".";
  }
}
