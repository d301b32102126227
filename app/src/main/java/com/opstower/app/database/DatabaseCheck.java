package com.opstower.app.database;

import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The start-up step that names the database in the log; when the database cannot be used, start-up
 * stops here (or earlier, when the persistence unit first connects) with the message of {@link
 * DatabaseFault}.
 */
@ApplicationScoped
public class DatabaseCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

  @Inject
  @ConfigProperty(name = Settings.DB_URL)
  Optional<String> url;

  @Inject
  @ConfigProperty(name = Settings.DB_USER)
  Optional<String> user;

  @Inject
  @ConfigProperty(name = Settings.DATA_DIR, defaultValue = Settings.DATA_DIR_DEFAULT)
  String dataDir;

  /**
   * @throws IllegalStateException naming {@code opstower.db.url} and the cause
   */
  public void requireReachable(DataSource dataSource) {
    DatabaseTarget target = DatabaseTarget.of(url, user, Optional.empty(), dataDir);
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String version = connection.getMetaData().getDatabaseProductVersion();
      LOG.info(() -> "Database: " + product + " " + version + " at " + target.describe() + ".");
    } catch (SQLException unusable) {
      throw new IllegalStateException(DatabaseFault.message(target.describe(), unusable));
    }
  }
}
