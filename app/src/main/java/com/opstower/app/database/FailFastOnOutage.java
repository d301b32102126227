package com.opstower.app.database;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * The persistence unit's session customizer ({@code eclipselink.session.customizer}): when a query
 * fails because the database connection broke, EclipseLink retries it once at once instead of three
 * times five seconds apart. The connection pool validates connections and drops all of them on the
 * first broken one, so one retry gets a fresh connection after a database restart, and while the
 * database is down a request fails within milliseconds (503 {@code database-unavailable}) instead
 * of holding its thread for ten seconds.
 */
public class FailFastOnOutage implements SessionCustomizer {

  static final int RETRIES = 1;

  @Override
  public void customize(Session session) {
    DatabaseLogin login = session.getLogin();
    login.setQueryRetryAttemptCount(RETRIES);
    login.setDelayBetweenConnectionAttempts(0);
  }
}
