package com.opstower.it;

import static com.opstower.it.Bodies.agent;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v1/agents}, {@code /api/v1/tokens} and {@code /api/v1/crypto} over HTTP. */
@ExtendWith(ArquillianExtension.class)
class AgentsAndTokensApiIT extends DeployedApp {

  @ArquillianResource URL base;

  private Api admin() {
    return new Api(base, ADMIN_TOKEN);
  }

  private static String uniqueName() {
    return "agent-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String connection() {
    return admin()
        .post(
            "/api/v1/connections", json(Bodies.connection(null, "https://a.example.com", noAuth())))
        .json()
        .getString("id");
  }

  @Test
  void agentLifecycle() {
    String name = uniqueName();
    Api.Reply created = admin().post("/api/v1/agents", agent(name, "product_manager", "Roadmaps"));
    assertEquals(201, created.status(), created.body());
    JsonObject agent = created.json();
    String id = agent.getString("id");
    assertEquals("product_manager", agent.getString("type"));
    assertEquals(0, agent.getJsonArray("connectionIds").size());
    assertTrue(created.header("Location").endsWith("/api/v1/agents/" + id));

    Api.Reply updated = admin().put("/api/v1/agents/" + id, agent(name + "-2", "debugger"));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("debugger", updated.json().getString("type"));
    assertTrue(admin().get("/api/v1/agents").body().contains(name + "-2"));

    assertEquals(204, admin().delete("/api/v1/agents/" + id).status());
    assertEquals(404, admin().get("/api/v1/agents/" + id).status());
  }

  @Test
  void duplicateNameIsAConflict() {
    String name = uniqueName();
    admin().post("/api/v1/agents", agent(name, "analyst"));
    Api.Reply again = admin().post("/api/v1/agents", agent(name, "custom"));
    assertEquals(409, again.status());
    assertEquals("conflict", again.code());
  }

  @Test
  void unknownAgentTypeIsRefused() {
    Api.Reply reply = admin().post("/api/v1/agents", agent(uniqueName(), "wizard"));
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"field\":\"type\""));
  }

  @Test
  void enablingAndDisablingConnectionsIsIdempotent() {
    String agent =
        admin().post("/api/v1/agents", agent(uniqueName(), "analyst")).json().getString("id");
    String connection = connection();
    String path = "/api/v1/agents/" + agent + "/connections/" + connection;
    assertEquals(204, admin().put(path, null).status());
    assertEquals(204, admin().put(path, null).status());
    assertEquals(
        1, admin().get("/api/v1/agents/" + agent).json().getJsonArray("connectionIds").size());
    assertEquals(204, admin().delete(path).status());
    assertEquals(204, admin().delete(path).status());
    assertEquals(
        0, admin().get("/api/v1/agents/" + agent).json().getJsonArray("connectionIds").size());
  }

  @Test
  void enablingUnknownConnectionIsNotFound() {
    String agent =
        admin().post("/api/v1/agents", agent(uniqueName(), "analyst")).json().getString("id");
    Api.Reply reply =
        admin().put("/api/v1/agents/" + agent + "/connections/" + UUID.randomUUID(), null);
    assertEquals(404, reply.status());
    assertEquals("not-found", reply.code());
    assertEquals(
        404, admin().put("/api/v1/agents/nope/connections/" + connection(), null).status());
  }

  @Test
  void tokenValueIsShownOnceAndNeverListed() {
    Api.Reply created =
        admin().post("/api/v1/tokens", token("ci-" + UUID.randomUUID(), "agent", "admin"));
    assertEquals(201, created.status(), created.body());
    String value = created.json().getString("token");
    assertTrue(value.length() >= 43, "at least 32 random bytes");
    String list = admin().get("/api/v1/tokens").body();
    assertTrue(list.contains(created.json().getString("id")));
    assertFalse(list.contains(value));
    assertFalse(list.contains("\"token\""));
  }

  /** Authentication only reads; the last use is written apart from it (at most once a minute). */
  @Test
  void aTokensFirstUseIsRecordedAndRevocationTakesEffectAtOnce() {
    Api.Reply created = admin().post("/api/v1/tokens", token("use-" + UUID.randomUUID(), "agent"));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertTrue(listed(id).isNull("lastUsedAt"), "not used yet");

    Instant before = Instant.now().minusSeconds(1);
    Api agent = admin().withToken(created.json().getString("token"));
    // scope agent: an unknown agent is a 404 after authentication, which counts as a use
    assertEquals(404, agent.get("/api/v1/agents/" + UUID.randomUUID() + "/tools").status());
    Instant lastUsed = Instant.parse(listed(id).getString("lastUsedAt"));
    assertFalse(lastUsed.isBefore(before), lastUsed + " is before " + before);
    assertFalse(lastUsed.isAfter(Instant.now().plusSeconds(1)), lastUsed.toString());

    assertEquals(204, admin().delete("/api/v1/tokens/" + id).status());
    assertEquals(401, agent.get("/api/v1/agents/" + UUID.randomUUID() + "/tools").status());
  }

  private JsonObject listed(String tokenId) {
    return admin().get("/api/v1/tokens").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(token -> token.getString("id").equals(tokenId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("token " + tokenId + " not listed"));
  }

  @Test
  void invalidTokenRequestsAreRefused() {
    assertEquals(400, admin().post("/api/v1/tokens", token("x", "root")).status());
    assertEquals(400, admin().post("/api/v1/tokens", token("x")).status());
    assertEquals(400, admin().post("/api/v1/tokens", token("", "agent")).status());
    assertEquals(404, admin().delete("/api/v1/tokens/" + UUID.randomUUID()).status());
  }

  @Test
  void reencryptReportsTheActiveKey() {
    admin()
        .post(
            "/api/v1/connections",
            json(
                Bodies.connection(
                    null, "https://a.example.com", bearer("t-" + UUID.randomUUID()))));
    Api.Reply reply = admin().post("/api/v1/crypto/reencrypt", null);
    assertEquals(200, reply.status(), reply.body());
    assertEquals("k1", reply.json().getString("activeKey"));
    assertEquals(0, reply.json().getInt("remaining"));
    assertEquals(0, admin().post("/api/v1/crypto/reencrypt", null).json().getInt("reencrypted"));
  }
}
