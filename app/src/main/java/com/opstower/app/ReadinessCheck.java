package com.opstower.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: the key is loaded, migrations are done and the database answers. */
@ApplicationScoped
@Readiness
public class ReadinessCheck implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/opstower")
  DataSource dataSource;

  @Inject StartupState state;

  @Override
  public HealthCheckResponse call() {
    boolean database = databaseAnswers();
    return HealthCheckResponse.named("opstower")
        .status(state.isKeysLoaded() && state.isMigrated() && state.isStarted() && database)
        .withData("encryptionKey", state.isKeysLoaded())
        .withData("migrations", state.isMigrated())
        .withData("database", database)
        .build();
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (Exception unavailable) {
      return false;
    }
  }
}
