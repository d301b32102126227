package com.opstower.app.database;

import com.opstower.config.Settings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The class the application's datasource definition names: Payara's connection pool creates
 * physical connections through it, and it hands them to the driver {@code opstower.db.url} chooses
 * (PostgreSQL or HSQLDB), so one WAR runs on either without a server-side pool definition.
 *
 * <p>Payara sets the properties as JavaBean setters from the {@code data-source} in {@code
 * WEB-INF/web.xml} after expanding its {@code ${MPCONFIG=…}} placeholders; blank values are never
 * set, so an unset key stays {@code null} here and {@link DatabaseTarget} fills in the default.
 */
public class ConfiguredDataSource implements DataSource {

  private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

  /**
   * Whether the last attempt failed, over all instances Payara creates (one per pool, and the pool
   * may be recreated); so an outage is reported once, not once per pooled connection.
   */
  private static final AtomicBoolean OUTAGE = new AtomicBoolean();

  private static final AtomicBoolean EVER_CONNECTED = new AtomicBoolean();

  /** How long a connection attempt to PostgreSQL may take before it fails. */
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private String url;
  private String user;
  private String password;
  private String dataDir = Settings.DATA_DIR_DEFAULT;
  private DataSource driver;
  private int loginTimeout;
  private PrintWriter logWriter;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  /** The database these settings choose; refused with a message naming the key when unusable. */
  public DatabaseTarget target() {
    return DatabaseTarget.of(
        Optional.ofNullable(url),
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        dataDir);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection;
    try {
      connection = driver().getConnection();
    } catch (SQLException unusable) {
      reportFailure(unusable);
      throw unusable;
    }
    reportSuccess();
    return connection;
  }

  /** The pool passes the configured user and password again; the target's own are the same. */
  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    return getConnection();
  }

  /**
   * One log line when the database cannot be used, naming the settings and the driver's reason (the
   * pool and the persistence unit add their own stack traces; this is the line to read). Not
   * repeated until a connection succeeded again.
   */
  private void reportFailure(SQLException unusable) {
    if (!OUTAGE.getAndSet(true)) {
      String settings;
      try {
        settings = target().describe();
      } catch (IllegalArgumentException refused) {
        settings = Settings.DB_URL;
      }
      String message = DatabaseFault.message(settings, unusable);
      if (EVER_CONNECTED.get()) {
        LOG.warning(message + " /health/ready reports DOWN until it answers again.");
      } else {
        LOG.severe(message);
      }
    }
  }

  private static void reportSuccess() {
    if (OUTAGE.getAndSet(false) && EVER_CONNECTED.get()) {
      LOG.info("The database answers again.");
    }
    EVER_CONNECTED.set(true);
  }

  private synchronized DataSource driver() throws SQLException {
    if (driver == null) {
      DatabaseTarget target;
      try {
        target = target();
      } catch (IllegalArgumentException unusable) {
        throw new SQLException(unusable.getMessage(), DatabaseFault.CANNOT_CONNECT, unusable);
      }
      driver = driverFor(target);
    }
    return driver;
  }

  static DataSource driverFor(DatabaseTarget target) {
    return switch (target.engine()) {
      case HSQLDB -> {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setURL(target.url());
        hsqldb.setUser(target.user());
        hsqldb.setPassword(target.password());
        yield hsqldb;
      }
      case POSTGRESQL -> {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(target.url());
        if (target.user() != null) {
          postgres.setUser(target.user());
        }
        if (target.password() != null) {
          postgres.setPassword(target.password());
        }
        postgres.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        postgres.setTcpKeepAlive(true);
        postgres.setApplicationName("OpsTower Connections");
        yield postgres;
      }
    };
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
