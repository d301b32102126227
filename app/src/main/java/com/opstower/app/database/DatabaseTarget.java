package com.opstower.app.database;

import com.opstower.config.Settings;
import java.util.Optional;

/**
 * The database the application uses, from {@code opstower.db.url}, {@code opstower.db.user} and
 * {@code opstower.db.password}: PostgreSQL or an HSQLDB file when a URL is given, otherwise the
 * embedded HSQLDB file under {@code <data-dir>/db}. The embedded default writes every commit to
 * disk before it is acknowledged ({@code hsqldb.write_delay=false}), so an acknowledged write
 * survives a {@code kill -9}.
 *
 * @param password never part of {@link #toString()} or {@link #describe()}
 */
public record DatabaseTarget(Engine engine, String url, String user, String password) {

  /** The database engines the same migrations run on. */
  public enum Engine {
    HSQLDB,
    POSTGRESQL
  }

  /**
   * The embedded database's user and password. Databases created before the password became
   * configurable were created with these, so they stay the defaults for HSQLDB.
   */
  static final String EMBEDDED_USER = "SA";

  static final String EMBEDDED_PASSWORD = "opstower";

  /**
   * Reads the settings; a URL of another kind is refused with a message naming the key.
   *
   * @param dataDir {@code opstower.data-dir}, where the embedded default lives
   */
  public static DatabaseTarget of(
      Optional<String> url, Optional<String> user, Optional<String> password, String dataDir) {
    Optional<String> givenUrl = url.map(String::strip).filter(text -> !text.isEmpty());
    Optional<String> givenUser = user.filter(text -> !text.isBlank());
    Optional<String> givenPassword = password.filter(text -> !text.isEmpty());
    if (givenUrl.isEmpty()) {
      return new DatabaseTarget(
          Engine.HSQLDB,
          "jdbc:hsqldb:file:" + dataDir + "/db/opstower;hsqldb.write_delay=false;hsqldb.tx=mvcc",
          givenUser.orElse(EMBEDDED_USER),
          givenPassword.orElse(EMBEDDED_PASSWORD));
    }
    String jdbcUrl = givenUrl.get();
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new DatabaseTarget(
          Engine.POSTGRESQL, jdbcUrl, givenUser.orElse(null), givenPassword.orElse(null));
    }
    if (jdbcUrl.startsWith("jdbc:hsqldb:")) {
      return new DatabaseTarget(
          Engine.HSQLDB,
          jdbcUrl,
          givenUser.orElse(EMBEDDED_USER),
          givenPassword.orElse(givenUser.isPresent() ? "" : EMBEDDED_PASSWORD));
    }
    throw new IllegalArgumentException(
        Settings.DB_URL
            + " must be a PostgreSQL URL (jdbc:postgresql://host:5432/database) or an HSQLDB URL"
            + " (jdbc:hsqldb:file:/path/to/db), not '"
            + withoutParameters(jdbcUrl)
            + "'.");
  }

  /** The URL without its parameters (they may hold a password) and the user, for messages. */
  public String describe() {
    return Settings.DB_URL
        + "="
        + withoutParameters(url)
        + (user == null ? "" : " as user '" + user + "'");
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + engine + ", " + describe() + "]";
  }

  /** Cuts a JDBC URL at its first parameter: {@code ?} for PostgreSQL, {@code ;} for HSQLDB. */
  static String withoutParameters(String jdbcUrl) {
    int end = jdbcUrl.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = jdbcUrl.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return jdbcUrl.substring(0, end);
  }
}
