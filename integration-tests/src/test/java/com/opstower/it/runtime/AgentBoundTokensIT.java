package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract v1.1 "Agent-bound tokens": a token bound to one agent uses that agent's runtime only, no
 * other agent (403, nothing sent upstream) and no admin call; it is refused with other scopes or an
 * unknown agent; token views show the binding; deleting the agent revokes it.
 */
@ExtendWith(ArquillianExtension.class)
class AgentBoundTokensIT extends RuntimeFixture {

  private Api.Reply createToken(String agentId, String... scopes) {
    var array = Json.createArrayBuilder();
    for (String scope : scopes) {
      array.add(scope);
    }
    var body =
        Json.createObjectBuilder().add("name", "bound-" + UUID.randomUUID()).add("scopes", array);
    if (agentId != null) {
      body.add("agentId", agentId);
    }
    return admin.post("/api/v1/tokens", json(body));
  }

  private static JsonObject listed(Api admin, String tokenId) {
    return admin.get("/api/v1/tokens").array().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("id").equals(tokenId))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aBoundTokenUsesItsAgentOnlyAndNoAdminCall() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    String c = connection(upstreamUrl("/v1"), noAuth());
    String own = agentWith(c);
    String other = agentWith(c);
    Api.Reply created = createToken(own, "agent");
    assertEquals(201, created.status(), created.body());
    assertEquals(own, created.json().getString("agentId"));
    Api bound = new Api(base, created.json().getString("token"));

    assertEquals(200, bound.get("/api/v1/agents/" + own + "/tools").status());
    Api.Reply call =
        bound.post(
            "/api/v1/agents/" + own + "/connections/" + c + "/requests",
            json(request("GET", "/x")));
    assertEquals(200, call.status(), call.body());
    assertEquals(1, upstream.getAllServeEvents().size());

    upstream.resetRequests();
    for (Api.Reply refused :
        new Api.Reply[] {
          bound.get("/api/v1/agents/" + other + "/tools"),
          bound.post(
              "/api/v1/agents/" + other + "/connections/" + c + "/requests",
              json(request("GET", "/x"))),
          bound.get("/api/v1/agents/" + other + "/connections/" + c + "/docs"),
          bound.get("/api/v1/agents/no-such-agent/tools"),
        }) {
      assertEquals(403, refused.status(), refused.body());
      assertEquals("forbidden", refused.code());
    }
    assertTrue(upstream.getAllServeEvents().isEmpty(), "nothing sent for another agent");
    for (String adminPath :
        new String[] {"/api/v1/connections", "/api/v1/tokens", "/api/v1/agents"}) {
      Api.Reply refused = bound.get(adminPath);
      assertEquals(403, refused.status(), adminPath + " " + refused.body());
    }
    // an unbound agent token still uses every agent
    assertEquals(200, agentApi.get("/api/v1/agents/" + other + "/tools").status());
  }

  @Test
  void tokenViewsShowTheBinding() {
    String agent = agentWith();
    String boundId = createToken(agent, "agent").json().getString("id");
    assertEquals(agent, listed(admin, boundId).getString("agentId"));
    JsonObject unbound = listed(admin, agentTokenId);
    assertEquals(JsonValue.ValueType.NULL, unbound.get("agentId").getValueType());
  }

  @Test
  void onlyAnAgentScopeTokenCanBeBoundAndOnlyToAnAgentThatExists() {
    String agent = agentWith();
    int before = admin.get("/api/v1/tokens").array().size();
    for (Api.Reply refused :
        new Api.Reply[] {
          createToken(agent, "admin"),
          createToken(agent, "admin", "agent"),
          createToken(UUID.randomUUID().toString(), "agent"),
        }) {
      assertEquals(400, refused.status(), refused.body());
      assertEquals("invalid-request", refused.code());
      assertEquals(
          "agentId",
          refused.json().getJsonArray("errors").getJsonObject(0).getString("field"),
          refused.body());
    }
    assertEquals(before, admin.get("/api/v1/tokens").array().size(), "no token was made");
  }

  @Test
  void deletingTheAgentRevokesItsBoundTokens() {
    String agent = agentWith();
    JsonObject created = createToken(agent, "agent").json();
    Api bound = new Api(base, created.getString("token"));
    assertEquals(200, bound.get("/api/v1/agents/" + agent + "/tools").status());

    assertEquals(204, admin.delete("/api/v1/agents/" + agent).status());
    Api.Reply after = bound.get("/api/v1/agents/" + agent + "/tools");
    assertEquals(401, after.status(), "revoked with its agent: " + after.body());
    assertEquals(null, listed(admin, created.getString("id")), "no longer listed");
    assertFalse(
        listed(admin, agentTokenId) == null, "an unbound token is not touched by the deletion");
  }
}
