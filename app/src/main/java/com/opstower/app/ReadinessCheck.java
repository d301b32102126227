package com.opstower.app;

import com.opstower.execution.upstream.UpstreamClient;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: the key is loaded, migrations are done and the database answers. */
@ApplicationScoped
@Readiness
public class ReadinessCheck implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/opstower")
  DataSource dataSource;

  @Inject StartupState state;

  @Inject UpstreamClient upstream;

  /**
   * Also honest about the outbound client (docs/security.md §9): a client found unusable is
   * reported once, as DOWN with what was wrong, and rebuilt by the same check.
   */
  @Override
  public HealthCheckResponse call() {
    boolean database = databaseAnswers();
    Optional<String> outboundFault = upstream.checkAndRepair();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("opstower")
            .status(
                state.isKeysLoaded()
                    && state.isMigrated()
                    && state.isStarted()
                    && database
                    && outboundFault.isEmpty())
            .withData("encryptionKey", state.isKeysLoaded())
            .withData("migrations", state.isMigrated())
            .withData("database", database)
            .withData("outboundClient", outboundFault.isEmpty() ? "usable" : "rebuilt")
            .withData("outboundClientRebuilds", upstream.rebuilds());
    outboundFault.ifPresent(fault -> response.withData("outboundClientFault", fault));
    return response.build();
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (Exception unavailable) {
      return false;
    }
  }
}
