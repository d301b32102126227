package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract v1.1 "Per-connection policy" against the real server: the stored policy, each matching
 * rule on real agent calls, refusals that name what is allowed and never reach the upstream, and
 * the tool definition that follows the policy.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionPolicyIT extends RuntimeFixture {

  private static JsonObjectBuilder policy(List<String> methods, List<String> paths) {
    JsonObjectBuilder policy = Json.createObjectBuilder();
    if (methods != null) {
      policy.add("methods", Json.createArrayBuilder(methods));
    }
    if (paths != null) {
      policy.add("paths", Json.createArrayBuilder(paths));
    }
    return policy;
  }

  private String policed(List<String> methods, List<String> paths) {
    return connection(input(upstreamUrl("/v1"), noAuth()).add("policy", policy(methods, paths)));
  }

  private static void assertNothingReachedTheUpstream() {
    assertTrue(
        upstream.getAllServeEvents().isEmpty(),
        "refused calls reach nothing: " + upstream.getAllServeEvents().size());
  }

  @Test
  void eachPatternRuleOnRealCalls() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    String c =
        policed(
            List.of("GET"),
            List.of("/invoices", "/users/*", "/customers/**", "/reports/*/pdf", "/files/%7Bid%7D"));
    String agent = agentWith(c);
    String[][] cases = {
      // literal segments
      {"/invoices", "200"},
      {"/invoices/", "200"},
      {"/invoices/7", "path-not-allowed"},
      {"/Invoices", "path-not-allowed"},
      {"/invoices.json", "path-not-allowed"},
      // * is exactly one segment: the prefix trick is a different segment
      {"/users/42", "200"},
      {"/users/%34%32", "200"},
      {"/users42", "path-not-allowed"},
      {"/users", "path-not-allowed"},
      {"/users/42/keys", "path-not-allowed"},
      {"/users/42%2Fkeys", "path-not-allowed"},
      // ** is zero or more segments
      {"/customers", "200"},
      {"/customers/7/orders/9", "200"},
      {"/customersX/7", "path-not-allowed"},
      {"/reports/2026/pdf", "200"},
      {"/reports/2026/csv", "path-not-allowed"},
      {"/files/{id}", "200"},
      // the path rules come first: a way out of a pattern is no way out
      {"/customers/../admin", "path-not-allowed"},
      {"/customers/%2e%2e/admin", "path-not-allowed"},
      {"/", "path-not-allowed"},
    };
    for (String[] expected : cases) {
      Api.Reply reply = call(agent, c, request("GET", expected[0]));
      if (expected[1].equals("200")) {
        assertEquals(200, reply.status(), expected[0] + " -> " + reply.body());
        assertEquals(200, reply.json().getInt("status"), expected[0]);
      } else {
        assertEquals(400, reply.status(), expected[0] + " -> " + reply.body());
        assertEquals(expected[1], reply.code(), expected[0]);
      }
    }
    assertEquals(
        8, upstream.getAllServeEvents().size(), "exactly the allowed calls reached the upstream");
    upstream.verify(getRequestedFor(urlPathEqualTo("/v1/users/42")));
  }

  @Test
  void aRefusedPathNamesTheAllowedPatternsAndSendsNothing() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c = policed(null, List.of("/invoices", "/invoices/*"));
    Api.Reply refused = call(agentWith(c), c, request("GET", "/admin/users"));
    assertEquals(400, refused.status(), refused.body());
    assertEquals("path-not-allowed", refused.code());
    String detail = refused.json().getString("detail");
    assertTrue(detail.contains("/invoices, /invoices/*"), detail);
    assertNothingReachedTheUpstream();
  }

  @Test
  void aMethodTheConnectionDoesNotAllowIsRefusedNamingTheAllowedOnes() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c = policed(List.of("GET", "POST"), null);
    String agent = agentWith(c);
    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      JsonObjectBuilder body = request(method, "/invoices/1");
      if (!method.equals("DELETE")) {
        body.add("body", Json.createObjectBuilder().add("paid", true));
      }
      Api.Reply refused = call(agent, c, body);
      assertEquals(400, refused.status(), refused.body());
      assertEquals("invalid-method", refused.code());
      assertEquals(
          "This connection does not allow " + method + "; it allows GET, POST.",
          refused.json().getString("detail"));
    }
    assertNothingReachedTheUpstream();
    assertEquals(200, call(agent, c, request("GET", "/invoices/1")).json().getInt("status"));
  }

  @Test
  void thePolicyIsStoredReturnedWithDefaultsAndKeptByAnEditWithoutOne() {
    JsonObject open =
        admin
            .get("/api/v1/connections/" + connection(upstreamUrl("/v1"), noAuth()))
            .json()
            .getJsonObject("policy");
    assertEquals(
        List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
        open.getJsonArray("methods").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(0, open.getJsonArray("paths").size(), "no patterns: any path");

    String c = policed(List.of("DELETE", "GET"), List.of("/invoices/*"));
    JsonObject stored = admin.get("/api/v1/connections/" + c).json();
    assertEquals(
        Json.createArrayBuilder().add("GET").add("DELETE").build(),
        stored.getJsonObject("policy").getJsonArray("methods"),
        "listed in the usual order");
    // an edit that does not mention the policy keeps it (no silent loosening)
    JsonObjectBuilder edit = input(upstreamUrl("/v2"), noAuth());
    Api.Reply edited = admin.put("/api/v1/connections/" + c, json(edit));
    assertEquals(200, edited.status(), edited.body());
    assertEquals(stored.getJsonObject("policy"), edited.json().getJsonObject("policy"));
    // an edit that says one replaces it
    Api.Reply opened =
        admin.put(
            "/api/v1/connections/" + c,
            json(input(upstreamUrl("/v2"), noAuth()).add("policy", policy(null, null))));
    assertEquals(5, opened.json().getJsonObject("policy").getJsonArray("methods").size());
  }

  @Test
  void invalidPoliciesAreRefusedAndNothingIsSaved() {
    int before = admin.get("/api/v1/connections").array().size();
    String[][] cases = {
      {"{\"methods\":[]}", "policy.methods"},
      {"{\"methods\":[\"TRACE\"]}", "policy.methods"},
      {"{\"paths\":[\"invoices\"]}", "policy.paths"},
      {"{\"paths\":[\"/invoices*\"]}", "policy.paths"},
    };
    for (String[] invalid : cases) {
      String body =
          json(input(upstreamUrl("/v1"), noAuth()))
              .replaceFirst("\\}$", ",\"policy\":" + invalid[0] + "}");
      Api.Reply refused = admin.post("/api/v1/connections", body);
      assertEquals(400, refused.status(), body + " -> " + refused.body());
      assertEquals("invalid-request", refused.code());
      JsonArray errors = refused.json().getJsonArray("errors");
      assertEquals(invalid[1], errors.getJsonObject(0).getString("field"), refused.body());
    }
    assertEquals(before, admin.get("/api/v1/connections").array().size(), "nothing half-saved");
  }

  @Test
  void theToolDefinitionFollowsThePolicy() {
    String readOnly = policed(List.of("GET"), List.of("/invoices", "/invoices/*"));
    String open = connection(upstreamUrl("/v1"), noAuth());
    String agent = agentWith(readOnly, open);
    for (JsonObject tool :
        agentApi.get("/api/v1/agents/" + agent + "/tools").array().getValuesAs(JsonObject.class)) {
      JsonObject function = tool.getJsonObject("function");
      JsonArray methods =
          function
              .getJsonObject("parameters")
              .getJsonObject("properties")
              .getJsonObject("method")
              .getJsonArray("enum");
      String description = function.getString("description");
      if (tool.getString("connectionId").equals(readOnly)) {
        assertEquals(Json.createArrayBuilder().add("GET").build(), methods);
        assertTrue(description.contains("/invoices, /invoices/*"), description);
        assertTrue(description.contains("read-only"), description);
      } else {
        assertEquals(5, methods.size());
        assertFalse(description.contains("Allowed paths"), description);
      }
    }
  }
}
