package com.opstower.it.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own in a folder under {@code target}: created with {@code initdb},
 * started on a free loopback port with password authentication (SCRAM), stopped and deleted at the
 * end. The binaries are Debian's ({@code apt-get install postgresql}): {@code
 * /usr/lib/postgresql/<version>/bin}, the newest version present, or {@code OPSTOWER_IT_PG_BIN}.
 * PostgreSQL refuses to run as root, so when the tests run as root (CI) the cluster runs as the
 * {@code postgres} system user the Debian package creates.
 *
 * <p>{@code fsync} is off: the tests kill the application server, never the machine, and a
 * throwaway cluster need not survive a power cut.
 */
public final class ThrowawayPostgres implements AutoCloseable {

  public static final String USER = "opstower";
  public static final String DATABASE = "opstower";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password;
  private boolean running;

  private ThrowawayPostgres(Path bin, Path dir, int port, String password) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.password = password;
  }

  /** Creates and starts a cluster in {@code dir} (emptied first) with database {@code opstower}. */
  public static ThrowawayPostgres start(Path dir) throws IOException, InterruptedException {
    Path bin = binaries();
    OneServerContainer.deleteRecursively(dir);
    Files.createDirectories(dir);
    String password = "it-pg-" + Long.toHexString(System.nanoTime());
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, password + "\n");
    handOver(dir);
    handOver(passwordFile);
    ThrowawayPostgres postgres = new ThrowawayPostgres(bin, dir, freePort(), password);
    postgres.run(
        "initdb",
        "-D",
        postgres.data().toString(),
        "-U",
        USER,
        "--pwfile=" + passwordFile,
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync");
    postgres.startServer();
    postgres.run(
        "createdb", "-h", "127.0.0.1", "-p", Integer.toString(postgres.port), "-U", USER, DATABASE);
    return postgres;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String password() {
    return password;
  }

  /** Stops the server (fast shutdown); the cluster stays for {@link #startServer()}. */
  public void stopServer() throws IOException, InterruptedException {
    if (running) {
      run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
      running = false;
    }
  }

  /** Starts the server of the cluster again on the same port. */
  public void startServer() throws IOException, InterruptedException {
    run(
        "pg_ctl",
        "-D",
        data().toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-p "
            + port
            + " -k "
            + dir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
        "-w",
        "start");
    running = true;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stopServer();
    } finally {
      OneServerContainer.deleteRecursively(dir);
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(String tool, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("pg-" + tool, ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .directory(dir.toFile());
      builder.environment().put("PGPASSWORD", password);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(tool + " did not finish within 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            tool + " failed (exit " + process.exitValue() + "): " + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Path binaries() throws IOException {
    Optional<Path> configured =
        Optional.ofNullable(System.getenv("OPSTOWER_IT_PG_BIN")).map(Path::of);
    if (configured.isPresent()) {
      return configured.get();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                .max(Comparator.comparingInt(ThrowawayPostgres::majorVersion));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      }
    }
    throw new IOException(
        "PostgreSQL is not installed: run 'apt-get install postgresql' (Debian) or point"
            + " OPSTOWER_IT_PG_BIN at the folder holding initdb and pg_ctl");
  }

  private static int majorVersion(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString());
    } catch (NumberFormatException notAVersion) {
      return -1;
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Gives a file to the {@code postgres} user when PostgreSQL must run as that user. */
  private static void handOver(Path path) throws IOException, InterruptedException {
    if (isRoot()) {
      Process chown = new ProcessBuilder("chown", "postgres", path.toString()).start();
      if (chown.waitFor() != 0) {
        throw new IOException("cannot hand " + path + " to the postgres user");
      }
    } else if (Files.isDirectory(path)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
