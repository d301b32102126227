package com.opstower.app;

import com.opstower.app.database.DatabaseCheck;
import com.opstower.config.Settings;
import com.opstower.connection.control.Reencryption;
import com.opstower.crypto.control.CryptoKeys;
import com.opstower.docs.control.DocsRefresh;
import com.opstower.persistence.UniqueViolation;
import com.opstower.token.control.TokenService;
import com.opstower.tool.control.StoredToolNames;
import com.opstower.user.control.PasswordRules;
import com.opstower.user.control.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the application up in order: encryption keys, schema migrations, the first admin user and
 * the bootstrap token. Any failure here fails the deployment with a message that says what to fix;
 * {@code /health/ready} answers 200 only after all steps succeeded. Settings that can be refused
 * without the database (a too-short admin password) are checked first, before a key file is
 * generated or a schema created for a start that cannot succeed.
 *
 * <p>The datasource {@code java:app/jdbc/opstower} is declared in {@code WEB-INF/web.xml}, which
 * says why and how it is configured.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSequence {

  private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

  @Resource(lookup = "java:app/jdbc/opstower")
  DataSource dataSource;

  @Inject CryptoKeys cryptoKeys;

  @Inject DatabaseCheck database;

  @Inject SchemaMigration migration;

  @Inject Reencryption reencryption;

  @Inject UserService users;

  @Inject TokenService tokens;

  @Inject StoredToolNames toolNames;

  @Inject StartupState readiness;

  @Inject DocsRefresh docs;

  @Inject
  @ConfigProperty(name = Settings.BOOTSTRAP_ADMIN_PASSWORD)
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = Settings.BOOTSTRAP_API_TOKEN)
  Optional<String> bootstrapToken;

  /**
   * Runs a first-start step that only the first of several instances starting at once on an empty
   * database may do: the one that commits second hits the unique constraint, and the other's record
   * stands (empty: nothing to report).
   */
  private static <T> Optional<T> firstOfSeveral(String what, Supplier<T> step) {
    try {
      return Optional.of(step.get());
    } catch (RuntimeException failure) {
      if (UniqueViolation.in(failure)) {
        LOG.info(() -> "Another instance created " + what + " at the same moment; using that one.");
        return Optional.empty();
      }
      throw failure;
    }
  }

  /** Another instance starting at the same moment may store them first; that is as good. */
  private void storeToolNames() {
    try {
      int stored = toolNames.storeMissing();
      if (stored > 0) {
        LOG.info("Stored " + stored + " tool names of connections and agents from before.");
      }
    } catch (RuntimeException raced) {
      LOG.info("Tool names were being stored by another instance: " + raced);
    }
  }

  /**
   * Connections from before OpenAPI-aware documentation have a documentation URL that was never
   * read: read in the background, so their agents get a catalogue without anyone saving them.
   */
  private void readUnreadDocs() {
    try {
      docs.readMissing();
    } catch (RuntimeException failure) {
      LOG.info("Unread API documentation is left for a refresh: " + failure);
    }
  }

  @PostConstruct
  void start() {
    PasswordRules.requireUsableBootstrapPassword(adminPassword);
    cryptoKeys.load();
    readiness.keysLoaded();
    database.requireReachable(dataSource);
    migration.migrate(dataSource);
    readiness.migrated();
    reencryption.bindOlderSecrets();
    storeToolNames();
    readUnreadDocs();
    firstOfSeveral("the first admin user", () -> users.bootstrapAdmin(adminPassword))
        .flatMap(generated -> generated)
        .ifPresent(
            generated ->
                // Shown once, on the very first start; it cannot be recovered later.
                LOG.warning(
                    "First start: created user 'admin' with the generated password "
                        + generated
                        + " — sign in and change it under Account."));
    bootstrapToken
        .filter(token -> !token.isBlank())
        .flatMap(token -> firstOfSeveral("the bootstrap API token", () -> tokens.bootstrap(token)))
        .filter(Boolean::booleanValue)
        .ifPresent(created -> LOG.info("Created the bootstrap API token from configuration."));
    readiness.started();
    LOG.info("OpsTower Connections is ready. Sign in as 'admin'.");
  }
}
