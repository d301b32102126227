package com.opstower.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.server.PayaraProcess;
import com.opstower.it.server.ThrowawayPostgres;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WAR on an existing Payara Server 6 ({@code fish.payara.distributions:payara} from Maven
 * Central, unpacked by the build), on PostgreSQL: the test creates a domain and runs the shell
 * block of docs/operations.md ("Deploying to an existing Payara Server") literally — only the data
 * directory, the database address, the secrets and the WAR's path are its own — then signs in,
 * creates a connection and makes one agent call. Tagged {@code restarts}: runs with {@code -Pfull}.
 */
@Tag("restarts")
class PayaraServerIT {

  private static final String SECTION = "## Deploying to an existing Payara Server";
  private static final int PORT_BASE = 24_600 + (int) (ProcessHandle.current().pid() % 100) * 100;
  private static final String ADMIN_TOKEN = "payara-server-it-token-" + UUID.randomUUID();
  private static final String ADMIN_PASSWORD = "payara-server-it-" + UUID.randomUUID();

  private static Path payara;
  private static ThrowawayPostgres postgres;
  private static HttpServer upstream;
  private static final AtomicReference<String> authorization = new AtomicReference<>();
  private static String dbPassword;

  @BeforeAll
  static void deployAsTheDocsSay() throws Exception {
    payara =
        Path.of(System.getProperty("opstower.payara.server.dir", "target/payara-server/payara6"));
    assertTrue(
        Files.isExecutable(payara.resolve("bin/asadmin")),
        "Payara Server is unpacked by ./mvnw verify -Pfull into " + payara);
    postgres =
        ThrowawayPostgres.start(Path.of("target", "payara-server-postgres").toAbsolutePath());
    dbPassword = postgres.password();
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    upstream.createContext(
        "/",
        exchange -> {
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"invoices\":[]}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();

    asadmin("delete-domain", "domain1"); // the zip's own; the docs' start-domain finds ours alone
    run(
        List.of(
            asadminPath(),
            "--interactive=false",
            "create-domain",
            "--nopassword",
            "--portbase",
            Integer.toString(PORT_BASE),
            "opstower"),
        Map.of());

    Path data =
        Files.createDirectories(
            Path.of("target", "payara-server-data", UUID.randomUUID().toString()).toAbsolutePath());
    Path script = data.resolve("deploy.sh");
    Files.writeString(script, "set -euo pipefail\n" + ownValues(docsBlock(), data));
    String key =
        Base64.getEncoder()
            .encodeToString(
                UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.US_ASCII));
    run(
        List.of("bash", script.toString()),
        Map.of(
            "PATH",
            payara.resolve("bin").toAbsolutePath() + ":" + System.getenv("PATH"),
            "AS_ADMIN_PORT",
            Integer.toString(adminPort()),
            "IT_DB_PASSWORD",
            dbPassword,
            "IT_CRYPTO_KEYS",
            "k1:" + key,
            // the test's own settings, beside the docs' steps
            "OPSTOWER_BOOTSTRAP_API_TOKEN",
            ADMIN_TOKEN,
            "OPSTOWER_BOOTSTRAP_ADMIN_PASSWORD",
            ADMIN_PASSWORD,
            "OPSTOWER_EGRESS_ALLOW_LOOPBACK",
            "true"));
    assertTrue(
        PayaraProcess.awaitReady(base(), () -> true, Duration.ofSeconds(120)),
        "not ready; end of the server log:\n" + tail(serverLog()));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (payara != null) {
      asadmin("stop-domain", "--kill", "opstower");
    }
    if (upstream != null) {
      upstream.stop(0);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void signInCreateAConnectionAndMakeOneAgentCall() throws Exception {
    assertTrue(serverLog().contains("Database: PostgreSQL 15"), "it runs on PostgreSQL");
    Visitor browser = new Visitor(base());
    HttpResponse<String> signedIn = browser.signIn("admin", ADMIN_PASSWORD);
    assertEquals(3, signedIn.statusCode() / 100, signedIn.statusCode() + ": " + signedIn.body());
    assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/connections"));
    HttpResponse<String> page = browser.get("/connections");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Add Connection"), "the Connections page");

    Api api = new Api(base(), ADMIN_TOKEN);
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/billing";
    Api.Reply connection =
        api.post(
            "/api/v1/connections",
            Bodies.json(
                Bodies.connection(
                    "Billing on Payara Server", base, Bodies.bearer("ps-secret-42"))));
    assertEquals(201, connection.status(), connection.body());
    String connectionId = connection.json().getString("id");
    String agent =
        api.post("/api/v1/agents", Bodies.agent("server-agent", "analyst")).json().getString("id");
    assertEquals(
        204, api.put("/api/v1/agents/" + agent + "/connections/" + connectionId, null).status());
    String token =
        api.post("/api/v1/tokens", Bodies.token("server-agent", "agent")).json().getString("token");
    Api.Reply call =
        new Api(base(), token)
            .post(
                "/api/v1/agents/" + agent + "/connections/" + connectionId + "/requests",
                Bodies.get("/invoices"));
    assertEquals(200, call.status(), call.body());
    assertEquals(200, call.json().getInt("status"), call.body());
    assertEquals("Bearer ps-secret-42", authorization.get(), "the credential was injected");
    assertFalse(serverLog().contains(dbPassword), "the database password is never logged");
    assertFalse(serverLog().contains("ps-secret-42"), "the connection's secret is never logged");
  }

  /** The first {@code sh} block of the docs' Payara Server section. */
  private static String docsBlock() throws IOException {
    String docs =
        Files.readString(
            Path.of(System.getProperty("opstower.docs.dir", "../docs")).resolve("operations.md"));
    int section = docs.indexOf(SECTION);
    assertTrue(section >= 0, "docs/operations.md has the section " + SECTION);
    int start = docs.indexOf("```sh\n", section) + "```sh\n".length();
    int end = docs.indexOf("```", start);
    return docs.substring(start, end);
  }

  /**
   * The docs' lines with this test's data dir, database, secrets and WAR in place of the examples.
   */
  private static String ownValues(String block, Path data) {
    String war =
        Path.of(System.getProperty("opstower.war", "../app/target/opstower.war"))
            .toAbsolutePath()
            .normalize()
            .toString();
    String replaced =
        block
            .replace("OPSTOWER_DB_PASSWORD='…'", "OPSTOWER_DB_PASSWORD=\"$IT_DB_PASSWORD\"")
            .replace("OPSTOWER_CRYPTO_KEYS='k1:…'", "OPSTOWER_CRYPTO_KEYS=\"$IT_CRYPTO_KEYS\"")
            .replace("/var/lib/opstower", data.toString())
            .replace(
                "db.internal\\:5432/opstower",
                "127.0.0.1\\:"
                    + URI.create(postgres.jdbcUrl().substring(5)).getPort()
                    + "/"
                    + ThrowawayPostgres.DATABASE)
            .replace("app/target/opstower.war", war);
    assertFalse(replaced.contains("…"), "every example value was replaced:\n" + replaced);
    return replaced;
  }

  private static URI base() {
    return URI.create("http://127.0.0.1:" + (PORT_BASE + 80) + "/");
  }

  private static int adminPort() {
    return PORT_BASE + 48;
  }

  private static String asadminPath() {
    return payara.resolve("bin/asadmin").toAbsolutePath().toString();
  }

  private static void asadmin(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(asadminPath()));
    command.addAll(List.of(arguments));
    run(command, Map.of("AS_ADMIN_PORT", Integer.toString(adminPort())), false);
  }

  private static void run(List<String> command, Map<String, String> env) throws Exception {
    run(command, env, true);
  }

  private static void run(List<String> command, Map<String, String> env, boolean mustSucceed)
      throws Exception {
    Path output = Files.createTempFile("payara-server-it", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          command + " did not finish within 300 s: " + Files.readString(output));
    }
    String text = Files.readString(output);
    Files.delete(output);
    if (mustSucceed && process.exitValue() != 0) {
      throw new AssertionError(
          command
              + " failed (exit "
              + process.exitValue()
              + "):\n"
              + text
              + "\nserver log:\n"
              + tail(serverLog()));
    }
  }

  private static String serverLog() throws IOException {
    Path log = payara.resolve("glassfish/domains/opstower/logs/server.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
