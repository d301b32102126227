package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract v1.1 "MCP endpoint", row by row, over plain HTTP: the messages and their answers, the
 * JSON-RPC errors, the transport's HTTP rules (405, Origin, protocol version, tokens), and {@code
 * tools/call} as an agent call (executed, redacted, logged, refused by the same rules).
 */
@ExtendWith(ArquillianExtension.class)
class McpEndpointIT extends RuntimeFixture {

  private static final String SECRET = "mcp-it-secret-" + UUID.randomUUID();

  private String mcp(String agent) {
    return "/api/v1/agents/" + agent + "/mcp";
  }

  private Api.Reply post(String agent, String message) {
    return agentApi.send(
        "POST", mcp(agent), message, Map.of("Accept", "application/json, text/event-stream"));
  }

  private static String message(Object id, String method, JsonObjectBuilder params) {
    JsonObjectBuilder m = Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
    if (id instanceof Integer n) {
      m.add("id", n);
    } else if (id != null) {
      m.add("id", id.toString());
    }
    if (params != null) {
      m.add("params", params);
    }
    return json(m);
  }

  private static JsonObject result(Api.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
    JsonObject answer = reply.json();
    assertEquals("2.0", answer.getString("jsonrpc"));
    assertFalse(answer.containsKey("error"), reply.body());
    return answer.getJsonObject("result");
  }

  private static int errorCode(Api.Reply reply) {
    JsonObject answer = reply.json();
    assertEquals("2.0", answer.getString("jsonrpc"), reply.body());
    return answer.getJsonObject("error").getInt("code");
  }

  @Test
  void initializeNegotiatesTheVersionAndNamesTheServer() {
    String agent = agentWith();
    JsonObject chosen =
        result(
            post(
                agent,
                message(
                    1,
                    "initialize",
                    Json.createObjectBuilder()
                        .add("protocolVersion", "2025-06-18")
                        .add("capabilities", Json.createObjectBuilder())
                        .add(
                            "clientInfo",
                            Json.createObjectBuilder().add("name", "it").add("version", "1")))));
    assertEquals("2025-06-18", chosen.getString("protocolVersion"));
    assertEquals(
        Json.createObjectBuilder()
            .add("tools", Json.createObjectBuilder().add("listChanged", false))
            .build(),
        chosen.getJsonObject("capabilities"));
    assertEquals("opstower", chosen.getJsonObject("serverInfo").getString("name"));
    assertFalse(chosen.getJsonObject("serverInfo").getString("version").isBlank());
    assertTrue(chosen.getString("instructions").contains("credentials"));

    JsonObject offered =
        result(
            post(
                agent,
                message(
                    "a",
                    "initialize",
                    Json.createObjectBuilder().add("protocolVersion", "2024-11-05"))));
    assertEquals("2025-11-25", offered.getString("protocolVersion"));
    assertEquals("a", post(agent, message("a", "ping", null)).json().getString("id"));
  }

  @Test
  void notificationsAndClientAnswersAre202WithAnEmptyBody() {
    String agent = agentWith();
    for (String body :
        List.of(
            message(null, "notifications/initialized", null),
            message(
                null, "notifications/cancelled", Json.createObjectBuilder().add("requestId", 3)),
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}")) {
      Api.Reply reply = post(agent, body);
      assertEquals(202, reply.status(), body + " -> " + reply.body());
      assertEquals("", reply.body());
    }
  }

  @Test
  void pingIsAnEmptyResult() {
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, result(post(agentWith(), message(7, "ping", null))));
  }

  @Test
  void toolsListMirrorsTheToolsCallWithAnnotationsFromThePolicy() {
    String open = connection(upstreamUrl("/v1"), noAuth());
    String readOnly =
        connection(
            input(upstreamUrl("/v1"), noAuth())
                .add(
                    "policy",
                    Json.createObjectBuilder()
                        .add("methods", Json.createArrayBuilder().add("GET"))));
    String agent = agentWith(open, readOnly);
    JsonArray tools = result(post(agent, message(2, "tools/list", null))).getJsonArray("tools");
    JsonArray functions = agentApi.get("/api/v1/agents/" + agent + "/tools").array();
    assertEquals(2, tools.size());
    for (int i = 0; i < tools.size(); i++) {
      JsonObject tool = tools.getJsonObject(i);
      JsonObject definition = functions.getJsonObject(i);
      JsonObject function = definition.getJsonObject("function");
      assertEquals(function.getString("name"), tool.getString("name"));
      assertEquals(function.getString("description"), tool.getString("description"));
      assertEquals(function.getJsonObject("parameters"), tool.getJsonObject("inputSchema"));
      JsonObject annotations = tool.getJsonObject("annotations");
      boolean isReadOnly = definition.getString("connectionId").equals(readOnly);
      assertEquals(isReadOnly, annotations.getBoolean("readOnlyHint"), tool.toString());
      assertEquals(!isReadOnly, annotations.getBoolean("destructiveHint"), tool.toString());
      assertFalse(annotations.getBoolean("idempotentHint"));
      assertTrue(annotations.getBoolean("openWorldHint"));
    }
  }

  @Test
  void toolsCallIsAnAgentCallRedactedAndLogged() {
    upstream.stubFor(
        get(urlPathEqualTo("/v1/echo"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"youSent\":\"" + SECRET + "\"}")));
    String c = connection(upstreamUrl("/v1"), bearer(SECRET));
    String agent = agentWith(c);
    String name =
        agentApi
            .get("/api/v1/agents/" + agent + "/tools")
            .array()
            .getJsonObject(0)
            .getJsonObject("function")
            .getString("name");
    JsonObject called =
        result(
            post(
                agent,
                message(
                    3,
                    "tools/call",
                    Json.createObjectBuilder()
                        .add("name", name)
                        .add(
                            "arguments",
                            Json.createObjectBuilder()
                                .add("method", "GET")
                                .add("path", "/echo")))));
    assertFalse(called.getBoolean("isError"), called.toString());
    JsonObject structured = called.getJsonObject("structuredContent");
    assertEquals(200, structured.getInt("status"));
    assertFalse(called.toString().contains(SECRET), "the credential is redacted: " + called);
    assertTrue(structured.getString("body").contains("[REDACTED]"), structured.toString());
    JsonObject text = called.getJsonArray("content").getJsonObject(0);
    assertEquals("text", text.getString("type"));
    assertEquals(
        structured,
        Json.createReader(new java.io.StringReader(text.getString("text"))).readObject());

    JsonArray activity = admin.get("/api/v1/activity?connectionId=" + c + "&limit=5").array();
    assertEquals(1, activity.size(), "recorded like any agent call: " + activity);
  }

  @Test
  void aRefusedCallIsAResultWithTheProblemDocument() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c =
        connection(
            input(upstreamUrl("/v1"), noAuth())
                .add(
                    "policy",
                    Json.createObjectBuilder().add("paths", Json.createArrayBuilder().add("/ok"))));
    String agent = agentWith(c);
    String name =
        agentApi
            .get("/api/v1/agents/" + agent + "/tools")
            .array()
            .getJsonObject(0)
            .getJsonObject("function")
            .getString("name");
    JsonObject called =
        result(
            post(
                agent,
                message(
                    4,
                    "tools/call",
                    Json.createObjectBuilder()
                        .add("name", name)
                        .add(
                            "arguments",
                            Json.createObjectBuilder()
                                .add("method", "GET")
                                .add("path", "/admin")))));
    assertTrue(called.getBoolean("isError"), called.toString());
    JsonObject problem = called.getJsonObject("structuredContent");
    assertEquals("path-not-allowed", problem.getString("code"));
    assertEquals(400, problem.getInt("status"));
    assertEquals(
        problem.getString("detail"),
        called.getJsonArray("content").getJsonObject(0).getString("text"));
    assertTrue(upstream.getAllServeEvents().isEmpty(), "nothing was sent");

    JsonObject invalid =
        result(
            post(
                agent,
                message(
                    5,
                    "tools/call",
                    Json.createObjectBuilder()
                        .add("name", name)
                        .add("arguments", Json.createObjectBuilder().add("method", "GET")))));
    assertTrue(invalid.getBoolean("isError"));
    assertEquals("invalid-request", invalid.getJsonObject("structuredContent").getString("code"));
  }

  @Test
  void jsonRpcErrors() {
    String agent = agentWith(connection(upstreamUrl("/v1"), noAuth()));
    Api.Reply unknownTool =
        post(
            agent,
            message(
                6,
                "tools/call",
                Json.createObjectBuilder()
                    .add("name", "no_such_tool")
                    .add("arguments", Json.createObjectBuilder())));
    assertEquals(-32602, errorCode(unknownTool), unknownTool.body());
    assertEquals(6, unknownTool.json().getInt("id"));
    Api.Reply unknownMethod = post(agent, message(7, "resources/list", null));
    assertEquals(-32601, errorCode(unknownMethod));
    assertEquals(7, unknownMethod.json().getInt("id"));

    Api.Reply malformed = post(agent, "{\"jsonrpc\":\"2.0\",\"id\":1,");
    assertEquals(400, malformed.status());
    assertEquals(-32700, errorCode(malformed));
    assertEquals(JsonValue.NULL, malformed.json().get("id"));

    Api.Reply batch = post(agent, "[" + message(1, "ping", null) + "]");
    assertEquals(400, batch.status());
    assertEquals(-32600, errorCode(batch));
    for (String notJsonRpc :
        List.of(
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "42")) {
      Api.Reply refused = post(agent, notJsonRpc);
      assertEquals(400, refused.status(), notJsonRpc);
      assertEquals(-32600, errorCode(refused), notJsonRpc);
    }
  }

  @Test
  void theTransportsHttpRules() {
    String agent = agentWith();
    for (String method : List.of("GET", "DELETE")) {
      Api.Reply refused = agentApi.send(method, mcp(agent), null, Map.of());
      assertEquals(405, refused.status(), method + " " + refused.body());
      assertEquals("POST", refused.header("Allow"));
    }
    Api.Reply badVersion =
        agentApi.send(
            "POST",
            mcp(agent),
            message(1, "ping", null),
            Map.of("MCP-Protocol-Version", "1999-01-01"));
    assertEquals(400, badVersion.status(), badVersion.body());
    Api.Reply goodVersion =
        agentApi.send(
            "POST",
            mcp(agent),
            message(1, "ping", null),
            Map.of("MCP-Protocol-Version", "2025-03-26"));
    assertEquals(200, goodVersion.status(), goodVersion.body());

    Api.Reply foreign =
        agentApi.send(
            "POST", mcp(agent), message(1, "ping", null), Map.of("Origin", "https://evil.example"));
    assertEquals(403, foreign.status(), foreign.body());
    String own = base.getProtocol() + "://" + base.getAuthority();
    Api.Reply ownOrigin =
        agentApi.send("POST", mcp(agent), message(1, "ping", null), Map.of("Origin", own));
    assertEquals(200, ownOrigin.status(), own + " " + ownOrigin.body());

    Api.Reply anonymous = new Api(base, null).post(mcp(agent), message(1, "ping", null));
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
    Api.Reply adminOnly =
        new Api(
                base,
                admin
                    .post(
                        "/api/v1/tokens",
                        com.opstower.it.Bodies.token("adm-" + UUID.randomUUID(), "admin"))
                    .json()
                    .getString("token"))
            .post(mcp(agent), message(1, "ping", null));
    assertEquals(403, adminOnly.status(), "an admin-only token has no agent scope");

    Api.Reply unknownAgent =
        agentApi.post(
            mcp(UUID.randomUUID().toString()), message(null, "notifications/initialized", null));
    assertEquals(404, unknownAgent.status(), "no agent, no endpoint: " + unknownAgent.body());
    assertEquals("not-found", unknownAgent.code());

    String otherAgent = agentWith();
    Api.Reply bound =
        admin.post(
            "/api/v1/tokens",
            json(
                Json.createObjectBuilder()
                    .add("name", "mcp-bound-" + UUID.randomUUID())
                    .add("scopes", Json.createArrayBuilder().add("agent"))
                    .add("agentId", otherAgent)));
    Api boundApi = new Api(base, bound.json().getString("token"));
    assertEquals(403, boundApi.post(mcp(agent), message(1, "ping", null)).status());
    assertEquals(200, boundApi.post(mcp(otherAgent), message(1, "ping", null)).status());
  }
}
