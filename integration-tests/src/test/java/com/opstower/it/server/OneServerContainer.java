package com.opstower.it.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * An Arquillian container that boots one Payara Micro for the whole integration run: the first test
 * class's deployment starts the server with that WAR (launched by {@link PayaraLaunch}, like {@code
 * run.sh}); every later class deploying the same archive gets the running server; the server stops
 * with the run. A class that deploys a different archive is refused, so one boot stays one boot.
 * Test classes share the server and its data, so none may depend on another's data. With {@code
 * -Dopstower.it.database=postgresql} the server runs on a PostgreSQL of its own instead of the
 * embedded HSQLDB file.
 */
public final class OneServerContainer implements DeployableContainer<OneServerConfiguration> {

  /**
   * The system property that chooses the run's database: {@code hsqldb} (the embedded default) or
   * {@code postgresql} (a {@link ThrowawayPostgres} started before the server and stopped after
   * it).
   */
  public static final String DATABASE = "opstower.it.database";

  static final String DATABASE_POSTGRESQL = "postgresql";

  private OneServerConfiguration configuration;
  private PayaraProcess server;
  private ThrowawayPostgres postgres;
  private String deployedDigest;

  /** A boot that failed fails every later deployment at once instead of booting again. */
  private DeploymentException bootFailure;

  @Override
  public Class<OneServerConfiguration> getConfigurationClass() {
    return OneServerConfiguration.class;
  }

  @Override
  public void setup(OneServerConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    // the deployments are testable=false: tests run in the Failsafe JVM and call over HTTP
    return new ProtocolDescription("Local");
  }

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    try {
      if (bootFailure != null) {
        throw bootFailure;
      }
      String digest = digest(archive);
      if (server == null) {
        Path war =
            Path.of(configuration.getLog()).toAbsolutePath().resolveSibling(archive.getName());
        Files.createDirectories(war.getParent());
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        try {
          boot(war);
        } catch (IOException | DeploymentException | RuntimeException failed) {
          bootFailure =
              failed instanceof DeploymentException known
                  ? known
                  : new DeploymentException("cannot start Payara Micro", failed);
          throw bootFailure;
        }
        deployedDigest = digest;
      } else if (!digest.equals(deployedDigest)) {
        throw new DeploymentException(
            "one server per integration run: every test class must deploy the same WAR, but "
                + archive.getName()
                + " differs from the one deployed first");
      }
      HTTPContext context = new HTTPContext(server.base().getHost(), server.base().getPort());
      return new ProtocolMetaData().addContext(context);
    } catch (IOException e) {
      throw new DeploymentException("cannot start Payara Micro with " + archive.getName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeploymentException("interrupted while Payara Micro started", e);
    }
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // The server and its deployment live until the run ends (stop).
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    if (server != null) {
      try {
        server.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LifecycleException("interrupted while Payara Micro stopped", e);
      }
      server = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | InterruptedException e) {
        throw new LifecycleException("cannot stop the throwaway PostgreSQL", e);
      } finally {
        postgres = null;
      }
    }
  }

  private void boot(Path war) throws IOException, InterruptedException, DeploymentException {
    Path data = insideTarget(configuration.getDataDir());
    deleteRecursively(data); // every run starts empty, locally as in CI
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("opstower.data-dir", data.toString());
    if (DATABASE_POSTGRESQL.equals(System.getProperty(DATABASE, "hsqldb"))) {
      postgres = ThrowawayPostgres.start(data.resolveSibling(data.getFileName() + "-postgres"));
      settings.put("opstower.db.url", postgres.jdbcUrl());
      settings.put("opstower.db.user", ThrowawayPostgres.USER);
      settings.put("opstower.db.password", postgres.password());
    }
    for (String pair : configuration.getSettings().trim().split("\\s+")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        if (equals < 1) {
          throw new DeploymentException(
              "arquillian.xml settings are key=value pairs separated by spaces, not '"
                  + pair
                  + "'");
        }
        settings.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    List<String> jvm =
        Arrays.stream(configuration.getJvmOptions().trim().split("\\s+"))
            .filter(option -> !option.isEmpty())
            .toList();
    Path log = Path.of(configuration.getLog()).toAbsolutePath();
    Files.deleteIfExists(log);
    PayaraProcess started = PayaraProcess.start(jvm, settings, war, log);
    boolean ready = false;
    try {
      ready = started.awaitReady(Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
      if (!ready) {
        throw new DeploymentException(
            "Payara Micro did not become ready; end of " + log + ":\n" + tail(started.logText()));
      }
      server = started;
    } finally {
      if (!ready) {
        started.close();
      }
    }
  }

  /** The data directory, refused unless it lies inside this module's {@code target}. */
  private static Path insideTarget(String dir) throws DeploymentException {
    Path target = Path.of("target").toAbsolutePath().normalize();
    Path data = Path.of(dir).toAbsolutePath().normalize();
    if (!data.startsWith(target) || data.equals(target)) {
      throw new DeploymentException(
          "dataDir must be a folder inside " + target + " (it is emptied), not " + data);
    }
    return data;
  }

  /** A digest of the archive's entries (names and bytes), independent of zip timestamps. */
  private static String digest(Archive<?> archive) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Map<ArchivePath, Node> entries = new TreeMap<>(archive.getContent());
      for (Map.Entry<ArchivePath, Node> entry : entries.entrySet()) {
        sha.update(entry.getKey().get().getBytes(StandardCharsets.UTF_8));
        Asset asset = entry.getValue().getAsset();
        if (asset != null) {
          try (InputStream in = new DigestInputStream(asset.openStream(), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
