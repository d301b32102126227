package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract v1.1 "OpenAPI-aware documentation" against the real server and a WireMock upstream
 * serving the specs: the catalogue read after a save and stored, in {@code /tools} and MCP {@code
 * tools/list}, following the policy; the refresh call; broken, missing, oversized and non-spec
 * documents as {@code docs} states; every read in the activity log; no credential anywhere.
 */
@ExtendWith(ArquillianExtension.class)
class DocsCatalogueIT extends RuntimeFixture {

  static final String BILLING_SPEC =
      """
      {"openapi": "3.0.3",
       "info": {"title": "Billing", "version": "2.1"},
       "servers": [{"url": "/"}],
       "paths": {
         "/billing/invoices": {
           "get": {"summary": "List invoices", "parameters": [{"$ref": "#/components/parameters/Customer"}]},
           "post": {"summary": "Create an invoice"}},
         "/billing/invoices/{id}": {"delete": {"summary": "Void an invoice"}},
         "/internal/health": {"get": {"summary": "Outside the base path"}}},
       "components": {"parameters": {"Customer": {"name": "customer", "in": "query", "required": true}}}}
      """;

  static final String BILLING_YAML =
      """
      openapi: 3.1.0
      info: {title: Billing, version: '3.0'}
      servers:
        - url: /billing
      paths:
        /customers:
          get: {summary: List customers}
      """;

  private void serve(String path, String contentType, String body) {
    upstream.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
  }

  private String billing(String docsPath) {
    return connection(
        input(upstreamUrl("/billing"), noAuth()).add("docsUrl", upstreamUrl(docsPath)));
  }

  private String description(String agent) {
    JsonArray tools = agentApi.get("/api/v1/agents/" + agent + "/tools").array();
    return tools.getJsonObject(0).getJsonObject("function").getString("description");
  }

  private String mcpDescription(String agent) {
    String list =
        json(
            Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", "tools/list"));
    Api.Reply reply =
        agentApi.send(
            "POST",
            "/api/v1/agents/" + agent + "/mcp",
            list,
            Map.of("Accept", "application/json, text/event-stream"));
    assertEquals(200, reply.status(), reply.body());
    return reply
        .json()
        .getJsonObject("result")
        .getJsonArray("tools")
        .getJsonObject(0)
        .getString("description");
  }

  /** Saves the connection (no auth) again with this docs URL and, unless null, this policy. */
  private Api.Reply resave(String connection, String docsUrl, JsonObjectBuilder policy) {
    JsonObject current = admin.get("/api/v1/connections/" + connection).json();
    JsonObjectBuilder input =
        Json.createObjectBuilder()
            .add("label", current.getString("label"))
            .add("baseUrl", current.getString("baseUrl"))
            .add("auth", noAuth())
            .add("docsUrl", docsUrl);
    if (policy != null) {
      input.add("policy", policy);
    }
    return admin.put("/api/v1/connections/" + connection, json(input));
  }

  private Api.Reply refresh(String connection) {
    return admin.post("/api/v1/connections/" + connection + "/docs/refresh", "");
  }

  @Test
  void theCatalogueIsReadAfterTheSaveAndListedInToolsAndMcp() throws InterruptedException {
    serve("/billing/openapi.json", "application/json", BILLING_SPEC);
    String c = billing("/billing/openapi.json");
    String agent = agentWith(c);

    JsonObject docs = awaitDocsRead(c);
    assertEquals("openapi", docs.getString("kind"), docs.toString());
    assertEquals("Billing 2.1", docs.getString("title"));
    assertEquals(3, docs.getInt("operations"));
    assertEquals(
        "3 operations found; 1 lies outside the base URL's path /billing and is left out.",
        docs.getString("message"));

    String catalogue =
        "\nGET /invoices — List invoices; query: customer (required)"
            + "\nPOST /invoices — Create an invoice"
            + "\nDELETE /invoices/{id} — Void an invoice";
    String tools = description(agent);
    assertTrue(tools.endsWith(catalogue), tools);
    assertFalse(tools.contains("/internal/health"), tools);
    assertEquals(tools, mcpDescription(agent));

    // a read-only policy lists only what agents may call; the stored catalogue is not read again
    upstream.resetRequests();
    Api.Reply changed =
        resave(
            c,
            upstreamUrl("/billing/openapi.json"),
            Json.createObjectBuilder().add("methods", Json.createArrayBuilder().add("GET")));
    assertEquals(200, changed.status(), changed.body());
    assertEquals("openapi", changed.json().getJsonObject("docs").getString("kind"));
    String readOnlyTools = description(agent);
    assertTrue(
        readOnlyTools.endsWith("\nGET /invoices — List invoices; query: customer (required)"),
        readOnlyTools);
    assertFalse(mcpDescription(agent).contains("POST /invoices"));
    for (int i = 0; i < 3; i++) {
      description(agent);
    }
    assertEquals(
        0, upstream.findAll(getRequestedFor(urlPathEqualTo("/billing/openapi.json"))).size());
  }

  @Test
  void refreshReadsTheDocumentAgainAndNamesWhatIsWrongWithIt() throws InterruptedException {
    serve("/billing/spec.yaml", "application/yaml", BILLING_YAML);
    String c = billing("/billing/spec.yaml");
    String agent = agentWith(c);
    assertEquals("openapi", awaitDocsRead(c).getString("kind"));
    assertTrue(description(agent).endsWith("\nGET /customers — List customers"));

    serve("/billing/spec.yaml", "application/yaml", "openapi: 3.1.0\npaths:\n  /x: [unclosed\n");
    Api.Reply broken = refresh(c);
    assertEquals(200, broken.status(), broken.body());
    JsonObject brokenDocs = broken.json().getJsonObject("docs");
    assertEquals("error", brokenDocs.getString("kind"));
    assertTrue(
        brokenDocs.getString("message").startsWith("The document is not valid YAML at line 4"),
        brokenDocs.toString());
    assertFalse(description(agent).contains("Operations ("), "no catalogue from a broken spec");

    upstream.stubFor(
        get(urlPathEqualTo("/billing/spec.yaml")).willReturn(aResponse().withStatus(404)));
    assertEquals(
        "The documentation URL answered HTTP 404; fix the URL or make the document readable.",
        refresh(c).json().getJsonObject("docs").getString("message"));

    serve(
        "/billing/spec.yaml",
        "text/html",
        "<html><title>Billing docs</title><p>GET /customers</p></html>");
    JsonObject text = refresh(c).json().getJsonObject("docs");
    assertEquals("text", text.getString("kind"));
    assertEquals(0, text.getInt("operations"));

    serve("/billing/spec.yaml", "application/yaml", BILLING_YAML);
    assertEquals("openapi", refresh(c).json().getJsonObject("docs").getString("kind"));
    assertTrue(description(agent).endsWith("\nGET /customers — List customers"));

    // every read is in the activity log, as a docs entry without an agent
    JsonArray entries = admin.get("/api/v1/activity?connectionId=" + c + "&limit=20").array();
    long docsReads =
        entries.getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("kind").equals("docs") && e.isNull("agentId"))
            .count();
    assertEquals(5, docsReads, entries.toString());
  }

  @Test
  void aDocumentOverTheSpecCapIsAnError() {
    // a spec of 9 MiB: valid JSON, padded
    StringBuilder big = new StringBuilder("{\"openapi\": \"3.0.0\", \"x-padding\": \"");
    big.append("a".repeat(9 * 1024 * 1024)).append("\", \"paths\": {}}");
    serve("/billing/huge.json", "application/json", big.toString());
    String c = connection(input(upstreamUrl("/billing"), noAuth()));
    JsonObject current = admin.get("/api/v1/connections/" + c).json();
    assertEquals("none", current.getJsonObject("docs").getString("kind"));
    Api.Reply updated = resave(c, upstreamUrl("/billing/huge.json"), null);
    assertEquals(200, updated.status(), updated.body());
    JsonObject docs = refresh(c).json().getJsonObject("docs");
    assertEquals("error", docs.getString("kind"), docs.toString());
    assertEquals(
        "The document is larger than 8 MiB (opstower.docs.spec-max-bytes); it was not read.",
        docs.getString("message"));
  }

  @Test
  void theSaveDoesNotWaitForTheDocumentAndTheCredentialGoesOnlyToTheBaseOrigin()
      throws InterruptedException {
    String secret = "docs-secret-" + UUID.randomUUID();
    upstream.stubFor(
        get(urlPathEqualTo("/billing/slow.json"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(BILLING_SPEC)
                    .withFixedDelay(1_500)));
    Api.Reply created =
        admin.post(
            "/api/v1/connections",
            json(
                input(upstreamUrl("/billing"), bearer(secret))
                    .add("docsUrl", upstreamUrl("/billing/slow.json"))));
    assertEquals(201, created.status(), created.body());
    JsonObject pending = created.json().getJsonObject("docs");
    assertEquals("none", pending.getString("kind"), "answered before the document: " + pending);
    assertTrue(pending.isNull("fetchedAt"));
    String c = created.json().getString("id");

    JsonObject docs = awaitDocsRead(c);
    assertEquals("openapi", docs.getString("kind"));
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/billing/slow.json"))
            .withHeader("Authorization", equalTo("Bearer " + secret)));
    String agent = agentWith(c);
    assertFalse(agentApi.get("/api/v1/agents/" + agent + "/tools").body().contains(secret));
    assertFalse(admin.get("/api/v1/connections/" + c).body().contains(secret));
    assertFalse(refresh(c).body().contains(secret));
  }

  @Test
  void aConnectionWithoutDocumentationHasNothingToRefresh() {
    String c = connection(upstreamUrl("/billing"), noAuth());
    Api.Reply reply = refresh(c);
    assertEquals(200, reply.status(), reply.body());
    JsonObject docs = reply.json().getJsonObject("docs");
    assertEquals("none", docs.getString("kind"));
    assertEquals("The connection has no API documentation URL.", docs.getString("message"));
    assertEquals(404, refresh(UUID.randomUUID().toString()).status());
    assertEquals(403, agentApi.post("/api/v1/connections/" + c + "/docs/refresh", "").status());
  }
}
