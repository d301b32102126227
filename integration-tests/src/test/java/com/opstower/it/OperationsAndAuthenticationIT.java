package com.opstower.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, OpenAPI, metrics and the bearer-token rules of {@code /api/v1}. */
@ExtendWith(ArquillianExtension.class)
class OperationsAndAuthenticationIT extends DeployedApp {

  @ArquillianResource URL base;

  private Api admin() {
    return new Api(base, ADMIN_TOKEN);
  }

  @Test
  void readinessReportsDatabaseMigrationsAndKey() {
    Api.Reply ready = new Api(base, null).get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("\"UP\""), ready.body());
    assertTrue(ready.body().contains("migrations"), ready.body());
    assertEquals(200, new Api(base, null).get("/health/live").status());
  }

  @Test
  void openApiDocumentsTheApi() {
    Api.Reply openapi = new Api(base, null).get("/openapi");
    assertEquals(200, openapi.status());
    for (String path :
        new String[] {
          "/api/v1/connections",
          "/api/v1/connections/{id}",
          "/api/v1/agents",
          "/api/v1/agents/{id}/connections/{connectionId}",
          "/api/v1/tokens",
          "/api/v1/crypto/reencrypt",
          "/api/v1/activity"
        }) {
      assertTrue(openapi.body().contains(path), "OpenAPI lacks " + path);
    }
  }

  @Test
  void metricsAreServed() {
    Api.Reply metrics = new Api(base, null).get("/metrics");
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected");
  }

  @Test
  void callsWithoutTokenAreUnauthorized() {
    Api.Reply reply = new Api(base, null).get("/api/v1/connections");
    assertEquals(401, reply.status());
    assertEquals("unauthorized", reply.code());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertNotNull(reply.header("WWW-Authenticate"));
  }

  @Test
  void unknownAndMalformedTokensAreUnauthorized() {
    assertEquals(401, new Api(base, "not-a-token").get("/api/v1/agents").status());
    Api.Reply basic =
        new Api(base, null)
            .send("GET", "/api/v1/agents", null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
    assertEquals(401, basic.status());
    assertEquals("unauthorized", basic.code());
  }

  @Test
  void tokenInQueryStringIsNotAccepted() {
    Api.Reply reply = new Api(base, null).get("/api/v1/agents?access_token=" + ADMIN_TOKEN);
    assertEquals(401, reply.status());
  }

  @Test
  void agentScopeCannotManage() {
    Api.Reply created =
        admin()
            .post("/api/v1/tokens", Bodies.token("engine-" + java.util.UUID.randomUUID(), "agent"));
    assertEquals(201, created.status(), created.body());
    Api agentOnly = new Api(base, created.json().getString("token"));
    Api.Reply reply = agentOnly.get("/api/v1/connections");
    assertEquals(403, reply.status());
    assertEquals("forbidden", reply.code());
  }

  @Test
  void revokedTokenIsRefusedAtOnce() {
    Api.Reply created =
        admin()
            .post(
                "/api/v1/tokens",
                Bodies.token("short-lived-" + java.util.UUID.randomUUID(), "admin"));
    Api shortLived = new Api(base, created.json().getString("token"));
    assertEquals(200, shortLived.get("/api/v1/agents").status());
    assertEquals(204, admin().delete("/api/v1/tokens/" + created.json().getString("id")).status());
    assertEquals(401, shortLived.get("/api/v1/agents").status());
  }

  @Test
  void unknownPathIsAProblemNotAStackTrace() {
    Api.Reply reply = admin().get("/api/v1/nothing-here");
    assertEquals(404, reply.status());
    assertEquals("not-found", reply.code());
  }

  /** The project documents its own API: every path the server publishes is in docs/api.md. */
  @Test
  void everyPathOfTheServedOpenApiDocumentIsDocumented() throws Exception {
    Api.Reply openapi =
        new Api(base, null).send("GET", "/openapi", null, Map.of("Accept", "application/json"));
    assertEquals(200, openapi.status(), openapi.body());
    java.util.Set<String> paths = openapi.json().getJsonObject("paths").keySet();
    assertTrue(paths.size() >= 10, "the document lists the API: " + paths);
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "api.md"));
    java.util.List<String> missing =
        paths.stream().filter(path -> !docs.contains("`" + path + "`")).sorted().toList();
    assertEquals(java.util.List.of(), missing, "paths served but not in docs/api.md");
  }
}
