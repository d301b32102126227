package com.opstower.it.runtime;

import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.opstower.it.Api;
import com.opstower.it.Bodies;
import com.opstower.it.DeployedApp;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the agent runtime tests share: the deployed WAR calls a real WireMock upstream on loopback
 * (one per test class, started before its first test and stopped after its last), every test gets
 * an admin client and a client with a fresh agent-scope token (so the per-token rate limit is its
 * own), and helpers to create connections and agents and to make an agent's call. The deadline is 3
 * s in arquillian.xml so timeouts are quick to prove.
 *
 * <p>The test classes run one after another, so the upstream of the class running is {@link
 * #upstream}.
 */
abstract class RuntimeFixture extends DeployedApp {

  static WireMockServer upstream;

  @ArquillianResource URL base;

  Api admin;
  Api agentApi;

  /** The id of {@link #agentApi}'s token. */
  String agentTokenId;

  /** The value of {@link #agentApi}'s token, for clients of other kinds. */
  private String agentTokenValue;

  @BeforeAll
  static void startUpstream() {
    upstream =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                // Delayed answers of earlier tests must not use up the threads of later ones.
                .containerThreads(96));
    upstream.start();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.stop();
    upstream = null;
  }

  @BeforeEach
  void clients() {
    admin = new Api(base, ADMIN_TOKEN);
    Api.Reply token = admin.post("/api/v1/tokens", token("engine-" + UUID.randomUUID(), "agent"));
    agentTokenValue = token.json().getString("token");
    agentApi = new Api(base, agentTokenValue);
    agentTokenId = token.json().getString("id");
    upstream.resetAll();
  }

  String agentToken() {
    return agentTokenValue;
  }

  static String upstreamUrl(String path) {
    return "http://127.0.0.1:" + upstream.port() + path;
  }

  /** A loopback port nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The input of a connection to {@code baseUrl} with a label of its own. */
  static JsonObjectBuilder input(String baseUrl, JsonObjectBuilder auth) {
    return Bodies.connection(
        "Runtime " + UUID.randomUUID().toString().substring(0, 6), baseUrl, auth);
  }

  /** A connection to {@code baseUrl} with a label of its own; returns its id. */
  String connection(String baseUrl, JsonObjectBuilder auth) {
    return connection(input(baseUrl, auth));
  }

  /** Creates the connection {@code input} (see {@link #input}); returns its id. */
  String connection(JsonObjectBuilder input) {
    Api.Reply created = admin.post("/api/v1/connections", json(input));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  /**
   * Waits until the background read of the connection's documentation (after a save with a new
   * documentation URL) has stored what it found; returns the connection's {@code docs}.
   */
  jakarta.json.JsonObject awaitDocsRead(String connection) throws InterruptedException {
    long giveUp = System.nanoTime() + 20_000_000_000L;
    while (true) {
      Api.Reply read = admin.get("/api/v1/connections/" + connection);
      assertEquals(200, read.status(), read.body());
      jakarta.json.JsonObject docs = read.json().getJsonObject("docs");
      if (docs.get("fetchedAt") != null && docs.get("fetchedAt") != jakarta.json.JsonValue.NULL) {
        return docs;
      }
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("the documentation was never read: " + read.body());
      }
      Thread.sleep(20);
    }
  }

  /** A new agent with {@code connections} enabled; returns its id. */
  String agentWith(String... connections) {
    String agent =
        admin
            .post("/api/v1/agents", Bodies.agent("rt-" + UUID.randomUUID(), "debugger"))
            .json()
            .getString("id");
    for (String connection : connections) {
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + connection, null).status());
    }
    return agent;
  }

  /** The agent's call through {@code connection}, with the agent token. */
  Api.Reply call(String agent, String connection, JsonObjectBuilder request) {
    return call(agent, connection, json(request));
  }

  /** The agent's call with {@code body} exactly as given (also malformed on purpose). */
  Api.Reply call(String agent, String connection, String body) {
    return agentApi.post(
        "/api/v1/agents/" + agent + "/connections/" + connection + "/requests", body);
  }
}
