package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.object;
import static com.opstower.it.Bodies.queryParam;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an agent learns about its connections (tools, docs fetched with credentials only on the same
 * origin), the limits on its calls (per-minute rate limit, a flood of hanging calls) and the
 * activity log that records every execution, docs fetch and Test Connection run.
 */
@ExtendWith(ArquillianExtension.class)
class AgentLimitsAndActivityIT extends RuntimeFixture {

  @Test
  void toolsDescribeEnabledConnectionsWithoutSecrets() {
    String token = "tool-secret-" + UUID.randomUUID();
    String c =
        connection(
            input(upstreamUrl("/billing"), bearer(token))
                .add("description", "Billing data. GET /invoices?customer=ID lists invoices.")
                .add("docsUrl", upstreamUrl("/billing/openapi.json")));
    String agent = agentWith(c);
    Api.Reply reply = agentApi.get("/api/v1/agents/" + agent + "/tools");
    assertEquals(200, reply.status(), reply.body());
    JsonArray tools = reply.array();
    assertEquals(1, tools.size());
    JsonObject tool = tools.getJsonObject(0);
    assertEquals("function", tool.getString("type"));
    assertEquals(c, tool.getString("connectionId"));
    JsonObject function = tool.getJsonObject("function");
    assertTrue(function.getString("name").matches("^[a-zA-Z0-9_-]{1,64}$"));
    String description = function.getString("description");
    assertTrue(description.contains("Billing data. GET /invoices?customer=ID lists invoices."));
    assertTrue(description.contains(upstreamUrl("/billing/openapi.json")));
    assertTrue(description.contains(upstreamUrl("/billing")));
    assertFalse(reply.body().contains(token));
    assertEquals("object", function.getJsonObject("parameters").getString("type"));
  }

  @Test
  void docsAreFetchedWithCredentialsOnlyOnTheSameOrigin() throws InterruptedException {
    String token = "docs-" + UUID.randomUUID();
    String document =
        """
        {"openapi":"3.0.0"}""";
    upstream.stubFor(
        get(urlPathEqualTo("/api/openapi.json"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(document)));
    String same =
        connection(
            input(upstreamUrl("/api"), bearer(token))
                .add("docsUrl", upstreamUrl("/api/openapi.json")));
    String other =
        connection(
            input(upstreamUrl("/api"), bearer(token))
                .add("docsUrl", "http://localhost:" + upstream.port() + "/api/openapi.json"));
    String none = connection(upstreamUrl("/api"), noAuth());
    String agent = agentWith(same, other, none);
    // saving them read their documents in the background, under the same rule
    awaitDocsRead(same);
    awaitDocsRead(other);
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/api/openapi.json"))
            .withHeader("Authorization", equalTo("Bearer " + token)));
    upstream.verify(
        1, getRequestedFor(urlPathEqualTo("/api/openapi.json")).withoutHeader("Authorization"));
    upstream.resetRequests();

    Api.Reply docs = agentApi.get("/api/v1/agents/" + agent + "/connections/" + same + "/docs");
    assertEquals(200, docs.status(), docs.body());
    assertEquals(document, docs.json().getString("body"));
    assertFalse(docs.json().getBoolean("truncated"));
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/api/openapi.json"))
            .withHeader("Authorization", equalTo("Bearer " + token)));

    upstream.resetRequests();
    assertEquals(
        200, agentApi.get("/api/v1/agents/" + agent + "/connections/" + other + "/docs").status());
    upstream.verify(
        1, getRequestedFor(urlPathEqualTo("/api/openapi.json")).withoutHeader("Authorization"));

    Api.Reply missing = agentApi.get("/api/v1/agents/" + agent + "/connections/" + none + "/docs");
    assertEquals(404, missing.status());
    assertEquals("not-found", missing.code());
  }

  @Test
  void everyExecutionIsInTheActivityLogWithoutTheCredential() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("fine")));
    String param = "pv-" + UUID.randomUUID();
    String c = connection(upstreamUrl(""), queryParam("key", param));
    String agent = agentWith(c);
    call(agent, c, request("GET", "/logged"));
    call(agent, c, request("GET", "/logged").add("headers", object("Cookie", "a=b")));
    Api.Reply activity = admin.get("/api/v1/activity?connectionId=" + c + "&limit=10");
    assertEquals(200, activity.status());
    JsonArray entries = activity.array();
    assertEquals(2, entries.size(), activity.body());
    JsonObject newest = entries.getJsonObject(0);
    assertEquals("forbidden-header", newest.getString("outcome"));
    JsonObject ok = entries.getJsonObject(1);
    assertEquals("ok", ok.getString("outcome"));
    assertEquals(200, ok.getInt("status"));
    assertEquals("/logged", ok.getString("path"));
    assertEquals(agent, ok.getString("agentId"));
    assertEquals("GET", ok.getString("method"));
    assertFalse(activity.body().contains(param));
    assertFalse(activity.body().contains("a=b"));
    assertEquals(403, agentApi.get("/api/v1/activity").status(), "activity needs admin");
  }

  @Test
  void aFloodOfHangingCallsDoesNotStarveOtherCalls() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/stuck")).willReturn(aResponse().withFixedDelay(6_000)));
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    List<CompletableFuture<Api.Reply>> flood = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      flood.add(CompletableFuture.supplyAsync(() -> call(agent, c, request("GET", "/stuck"))));
    }
    Thread.sleep(500);
    long started = System.nanoTime();
    assertEquals(200, admin.get("/api/v1/connections/" + c).status());
    long ms = (System.nanoTime() - started) / 1_000_000;
    // Starved, it would wait for the 3 s deadline of the flood; 2.5 s leaves room for a busy CI.
    assertTrue(ms < 2500, "management calls stay fast, took " + ms + " ms");
    for (CompletableFuture<Api.Reply> call : flood) {
      int status = call.get().status();
      assertTrue(status == 504 || status == 429, "timeout or refused, got " + status);
    }
  }

  @Test
  void callsOverThePerMinuteLimitAreRateLimited() {
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    String refusedFast = json(request("GET", "/x").add("headers", object("Cookie", "c")));
    for (int i = 0; i < 60; i++) {
      assertEquals(400, call(agent, c, refusedFast).status());
    }
    Api.Reply limited = call(agent, c, refusedFast);
    assertEquals(429, limited.status(), limited.body());
    assertEquals("rate-limited", limited.code());
    assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
  }

  @Test
  void aHostileAgentIdCannotMakeOtherEntriesVanishFromTheActivityLog() {
    upstream.stubFor(get(urlPathEqualTo("/fine")).willReturn(aResponse().withBody("fine")));
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    String longId = UUID.randomUUID() + "-tail"; // 41 characters; the id columns hold 36

    // the path ends in a NUL character, which the JSON carries escaped
    Api.Reply hostile = call(longId, longId, request("GET", "/" + "p".repeat(5000) + "\u0000"));
    // queued in the same batch as the hostile entry
    Api.Reply fine = call(agent, c, request("GET", "/fine"));

    assertEquals(404, hostile.status(), hostile.body());
    assertEquals(200, fine.status(), fine.body());
    JsonArray ofTheAgent = admin.get("/api/v1/activity?agentId=" + agent).array();
    assertEquals(1, ofTheAgent.size(), ofTheAgent.toString());
    assertEquals("/fine", ofTheAgent.getJsonObject(0).getString("path"));
    JsonArray ofTheLongId =
        admin.get("/api/v1/activity?agentId=" + longId.substring(0, 36)).array();
    assertEquals(1, ofTheLongId.size(), "the hostile call is recorded too, cut to fit");
    assertEquals(2048, ofTheLongId.getJsonObject(0).getString("path").length());
    assertEquals("not-found", ofTheLongId.getJsonObject(0).getString("outcome"));
  }

  @Test
  void docsFetchesAndTestRunsAreRecordedAndDocsAreUnderTheTokenLimits()
      throws InterruptedException {
    String document =
        """
        {"openapi":1}""";
    upstream.stubFor(
        get(urlPathEqualTo("/d/openapi.json")).willReturn(aResponse().withBody(document)));
    upstream.stubFor(get(urlPathEqualTo("/d")).willReturn(aResponse().withStatus(200)));
    String c =
        connection(
            input(upstreamUrl("/d"), noAuth())
                .add("docsUrl", upstreamUrl("/d/openapi.json?key=docs-key-secret")));
    String agent = agentWith(c);
    // the save read the document once in the background, as the admin's (no agent, no token)
    assertEquals("error", awaitDocsRead(c).getString("kind"), "openapi: 1 is no version");

    assertEquals(200, admin.post("/api/v1/connections/" + c + "/test", null).status());
    for (int i = 0; i < 60; i++) {
      Api.Reply docs = agentApi.get("/api/v1/agents/" + agent + "/connections/" + c + "/docs");
      assertEquals(200, docs.status(), docs.body());
    }
    Api.Reply limited = agentApi.get("/api/v1/agents/" + agent + "/connections/" + c + "/docs");
    assertEquals(429, limited.status(), "docs fetches count against the token's limit");
    // the limit runs before the body is parsed: malformed JSON is not even looked at
    Api.Reply malformed = call(agent, c, "{not json");
    assertEquals(429, malformed.status(), malformed.body());

    JsonArray entries = admin.get("/api/v1/activity?connectionId=" + c + "&limit=100").array();
    List<JsonObject> docsEntries =
        entries.getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("kind").equals("docs") && !e.isNull("agentId"))
            .toList();
    assertEquals(61, docsEntries.size(), "60 fetches and one refusal: " + entries);
    assertEquals(
        1,
        entries.getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("kind").equals("docs") && e.isNull("agentId"))
            .count(),
        "the save's own read: " + entries);
    assertEquals(
        60,
        docsEntries.stream()
            .filter(e -> !e.isNull("path") && e.getString("path").equals("/d/openapi.json"))
            .count());
    assertEquals("rate-limited", docsEntries.get(0).getString("outcome"), "newest first");
    assertTrue(
        entries.getValuesAs(JsonObject.class).stream()
            .anyMatch(e -> e.getString("kind").equals("test") && e.getInt("status") == 200),
        "the Test Connection run is recorded: " + entries);
    assertFalse(entries.toString().contains("docs-key-secret"));
  }
}
