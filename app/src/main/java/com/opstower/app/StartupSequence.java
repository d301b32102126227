package com.opstower.app;

import com.opstower.config.Settings;
import com.opstower.connection.control.Reencryption;
import com.opstower.crypto.control.CryptoKeys;
import com.opstower.token.control.TokenService;
import com.opstower.user.control.PasswordRules;
import com.opstower.user.control.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
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
 * <p>The datasource defaults are inline because the resource is created before the application's
 * own {@code microprofile-config.properties} is read. The default is an embedded HSQLDB file under
 * the data directory, with {@code hsqldb.write_delay=false} so an acknowledged write survives a
 * {@code kill -9}.
 *
 * <p>Prepared statements are cached per pooled connection: without the cache HSQLDB parsed and
 * planned the same few queries on every API call (18% of the server's CPU under load). The cache
 * type must be named: Payara reads a missing type as the class name "null" and logs a SEVERE error
 * (payara/Payara#6647). FIXED caches the first 64 distinct statements, which covers every query the
 * application has.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/opstower",
    className = "org.hsqldb.jdbc.JDBCDataSource",
    url =
        "jdbc:hsqldb:file:${MPCONFIG="
            + Settings.DATA_DIR
            + ":"
            + Settings.DATA_DIR_DEFAULT
            + "}/db/opstower;hsqldb.write_delay=false;hsqldb.tx=mvcc",
    user = "SA",
    password = "opstower",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {"fish.payara.statement-cache-size=64", "fish.payara.statement-cache-type=FIXED"})
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSequence {

  private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

  @Resource(lookup = "java:app/jdbc/opstower")
  DataSource dataSource;

  @Inject CryptoKeys cryptoKeys;

  @Inject SchemaMigration migration;

  @Inject Reencryption reencryption;

  @Inject UserService users;

  @Inject TokenService tokens;

  @Inject StartupState readiness;

  @Inject
  @ConfigProperty(name = Settings.BOOTSTRAP_ADMIN_PASSWORD)
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = Settings.BOOTSTRAP_API_TOKEN)
  Optional<String> bootstrapToken;

  @PostConstruct
  void start() {
    PasswordRules.requireUsableBootstrapPassword(adminPassword);
    cryptoKeys.load();
    readiness.keysLoaded();
    migration.migrate(dataSource);
    readiness.migrated();
    reencryption.bindOlderSecrets();
    users
        .bootstrapAdmin(adminPassword)
        .ifPresent(
            generated ->
                // Shown once, on the very first start; it cannot be recovered later.
                LOG.warning(
                    "First start: created user 'admin' with the generated password "
                        + generated
                        + " — sign in and change it under Account."));
    bootstrapToken
        .filter(token -> !token.isBlank())
        .filter(tokens::bootstrap)
        .ifPresent(token -> LOG.info("Created the bootstrap API token from configuration."));
    readiness.started();
    LOG.info("OpsTower Connections is ready. Sign in as 'admin'.");
  }
}
