package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.opstower.it.Api;
import com.opstower.it.Bodies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract v1.1 "OAuth 2.0 client credentials" against the real server, with WireMock as both the
 * authorization server and the API: the token request (Basic and body client authentication, scope
 * and audience), one token for many calls, a new one after expiry, one refresh and retry after a
 * 401, Test Connection naming the server's error with a hint, and neither the client secret nor an
 * access token in any answer, the server log or the database files.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthClientCredentialsIT extends RuntimeFixture {

  private final String secret = "cs-" + UUID.randomUUID();
  private final List<String> accessTokens = new ArrayList<>();

  private String newAccessToken() {
    String token = "at-" + UUID.randomUUID();
    accessTokens.add(token);
    return token;
  }

  private static String tokenAnswer(String accessToken, int expiresIn) {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn
        + "}";
  }

  private JsonObjectBuilder oauth(String clientAuth) {
    JsonObjectBuilder auth =
        Bodies.auth("oauth2_client_credentials")
            .add("tokenUrl", upstreamUrl("/oauth/token"))
            .add("clientId", "opstower-agent")
            .add("clientSecret", secret)
            .add("scope", "items.read items.write")
            .add("audience", "https://items.example");
    if (clientAuth != null) {
      auth.add("clientAuth", clientAuth);
    }
    return auth;
  }

  private void tokenEndpointIssues(String accessToken, int expiresIn) {
    upstream.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokenAnswer(accessToken, expiresIn))));
  }

  /** The API answers only the given token; it echoes it back, which redaction must hide. */
  private void apiAccepts(String accessToken) {
    upstream.stubFor(
        get(urlPathEqualTo("/v1/items"))
            .withHeader("Authorization", equalTo("Bearer " + accessToken))
            .willReturn(aResponse().withBody("{\"items\":[],\"you\":\"" + accessToken + "\"}")));
  }

  /** The token endpoint issues {@code first}, then {@code second} for every later request. */
  private void tokensInTurn(String scenario, String first, int firstLifetime, String second) {
    upstream.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokenAnswer(first, firstLifetime)))
            .willSetStateTo("second"));
    upstream.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .inScenario(scenario)
            .whenScenarioStateIs("second")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokenAnswer(second, 3600))));
  }

  private int tokenRequests() {
    return upstream.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).size();
  }

  @Test
  void oneTokenServesManyCallsAndIsNeverShown() throws IOException {
    String token = newAccessToken();
    tokenEndpointIssues(token, 3600);
    apiAccepts(token);
    Api.Reply created =
        admin.post("/api/v1/connections", Bodies.json(input(upstreamUrl("/v1"), oauth(null))));
    assertEquals(201, created.status(), created.body());
    JsonObject auth = created.json().getJsonObject("auth");
    assertEquals("oauth2_client_credentials", auth.getString("type"));
    assertEquals(upstreamUrl("/oauth/token"), auth.getString("tokenUrl"));
    assertEquals("opstower-agent", auth.getString("clientId"));
    assertEquals("items.read items.write", auth.getString("scope"));
    assertEquals("basic", auth.getString("clientAuth"));
    assertTrue(auth.getBoolean("secretSet"));
    String c = created.json().getString("id");
    String agent = agentWith(c);

    for (int i = 0; i < 3; i++) {
      Api.Reply reply = call(agent, c, request("GET", "/items"));
      assertEquals(200, reply.status(), reply.body());
      assertEquals(200, reply.json().getInt("status"), reply.body());
      assertTrue(reply.json().getString("body").contains("\"you\":\"[REDACTED]\""), reply.body());
      assertFalse(reply.body().contains(token));
    }
    assertEquals(1, tokenRequests(), "one token for all three calls");
    upstream.verify(
        postRequestedFor(urlPathEqualTo("/oauth/token"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials(
                    "opstower-agent", secret))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("scope=items.read+items.write"))
            .withRequestBody(containing("audience=https%3A%2F%2Fitems.example"))
            .withRequestBody(absentSecret()));
    assertNothingShows(c, agent);
  }

  private com.github.tomakehurst.wiremock.matching.StringValuePattern absentSecret() {
    return com.github.tomakehurst.wiremock.client.WireMock.not(containing(secret));
  }

  @Test
  void bodyClientAuthenticationSendsTheCredentialsInTheForm() {
    String token = newAccessToken();
    tokenEndpointIssues(token, 3600);
    apiAccepts(token);
    String c = connection(input(upstreamUrl("/v1"), oauth("body")));
    String agent = agentWith(c);
    assertEquals(200, call(agent, c, request("GET", "/items")).json().getInt("status"));
    upstream.verify(
        postRequestedFor(urlPathEqualTo("/oauth/token"))
            .withHeader("Authorization", absent())
            .withRequestBody(containing("client_id=opstower-agent"))
            .withRequestBody(containing("client_secret=" + secret)));
  }

  @Test
  void anExpiredTokenIsReplaced() throws InterruptedException {
    String first = newAccessToken();
    String second = newAccessToken();
    tokensInTurn("expiry", first, 1, second);
    apiAccepts(first);
    apiAccepts(second);
    String c = connection(input(upstreamUrl("/v1"), oauth(null)));
    String agent = agentWith(c);
    assertEquals(200, call(agent, c, request("GET", "/items")).json().getInt("status"));
    Thread.sleep(1_200);
    assertEquals(200, call(agent, c, request("GET", "/items")).json().getInt("status"));
    assertEquals(2, tokenRequests(), "the one-second token was renewed");
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/items"))
            .withHeader("Authorization", equalTo("Bearer " + second)));
  }

  @Test
  void aRejectedTokenIsRenewedAndTheCallRetriedOnceOnlyWhenThatIsSafe() {
    String revoked = newAccessToken();
    String fresh = newAccessToken();
    tokensInTurn("revoked", revoked, 3600, fresh);
    upstream.stubFor(
        get(urlPathEqualTo("/v1/items"))
            .withHeader("Authorization", equalTo("Bearer " + revoked))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token revoked\"}")));
    apiAccepts(fresh);
    upstream.stubFor(post(urlPathEqualTo("/v1/items")).willReturn(aResponse().withStatus(401)));
    String c = connection(input(upstreamUrl("/v1"), oauth(null)));
    String agent = agentWith(c);

    Api.Reply retried = call(agent, c, request("GET", "/items"));
    assertEquals(200, retried.json().getInt("status"), retried.body());
    assertEquals(2, tokenRequests(), "one new token after the 401");
    assertEquals(
        2, upstream.findAll(getRequestedFor(urlPathEqualTo("/v1/items"))).size(), "retried once");

    // a POST with a body is not sent twice: its 401 goes to the agent
    Api.Reply posted =
        call(
            agent,
            c,
            request("POST", "/items").add("body", Json.createObjectBuilder().add("name", "x")));
    assertEquals(401, posted.json().getInt("status"), posted.body());
    assertEquals(1, upstream.findAll(postRequestedFor(urlPathEqualTo("/v1/items"))).size());
    assertEquals(2, tokenRequests());
  }

  @Test
  void aWrongSecretIsNamedByTestConnectionAndRefusesAgentCalls() {
    upstream.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
    String c = connection(input(upstreamUrl("/v1"), oauth(null)));
    Api.Reply test = admin.post("/api/v1/connections/" + c + "/test", null);
    assertEquals(200, test.status(), test.body());
    JsonObject result = test.json();
    assertFalse(result.getBoolean("ok"));
    assertTrue(result.isNull("status"), "the API itself was not called");
    assertEquals("token-refused", result.getString("outcome"));
    assertEquals(
        "The token request failed: The authorization server refused the token request (HTTP 401):"
            + " invalid_client — Client authentication failed.",
        result.getString("message"));
    assertTrue(
        result.getString("hint").startsWith("Check the client id and the client secret"),
        result.getString("hint"));
    assertEquals(0, upstream.findAll(getRequestedFor(urlPathEqualTo("/v1"))).size());

    String agent = agentWith(c);
    Api.Reply refused = call(agent, c, request("GET", "/items"));
    assertEquals(502, refused.status(), refused.body());
    assertEquals("upstream-unreachable", refused.code());
    assertTrue(refused.body().contains("invalid_client"), refused.body());

    upstream.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_scope\"}")));
    JsonObject scope = admin.post("/api/v1/connections/" + c + "/test", null).json();
    assertTrue(scope.getString("message").endsWith("(HTTP 400): invalid_scope."), scope.toString());
    assertTrue(scope.getString("hint").startsWith("Check the scope"), scope.toString());
    assertFalse(scope.toString().contains(secret));
  }

  @Test
  void theFieldsAreValidatedAndTheSecretNeverFollowsTheTokenUrlElsewhere() {
    Api.Reply missing =
        admin.post(
            "/api/v1/connections",
            Bodies.json(
                input(
                    upstreamUrl("/v1"),
                    Bodies.auth("oauth2_client_credentials").add("clientSecret", secret))));
    assertEquals(400, missing.status(), missing.body());
    assertTrue(missing.body().contains("\"field\":\"auth.tokenUrl\""), missing.body());
    assertTrue(missing.body().contains("\"field\":\"auth.clientId\""), missing.body());
    assertFalse(missing.body().contains(secret));

    String c = connection(input(upstreamUrl("/v1"), oauth(null)));
    JsonObject current = admin.get("/api/v1/connections/" + c).json();
    Api.Reply moved =
        admin.put(
            "/api/v1/connections/" + c,
            Bodies.json(
                Json.createObjectBuilder()
                    .add("label", current.getString("label"))
                    .add("baseUrl", upstreamUrl("/v1"))
                    .add(
                        "auth",
                        Bodies.auth("oauth2_client_credentials")
                            .add("tokenUrl", "https://attacker.example/token")
                            .add("clientId", "opstower-agent"))));
    assertEquals(400, moved.status(), moved.body());
    assertTrue(moved.body().contains("\"field\":\"auth.clientSecret\""), moved.body());
  }

  /** Neither the client secret nor a token in the answers, the activity, the log or the files. */
  private void assertNothingShows(String connection, String agent) throws IOException {
    List<String> answers =
        List.of(
            admin.get("/api/v1/connections/" + connection).body(),
            admin.get("/api/v1/connections").body(),
            agentApi.get("/api/v1/agents/" + agent + "/tools").body(),
            admin.get("/api/v1/activity?connectionId=" + connection).body(),
            admin.post("/api/v1/connections/" + connection + "/test", null).body());
    for (String answer : answers) {
      assertFalse(answer.contains(secret), answer);
      accessTokens.forEach(token -> assertFalse(answer.contains(token), answer));
    }
  }

  @AfterEach
  void nothingOnDisk() throws IOException {
    Path log =
        Path.of(
            System.getProperty(
                "arq.container.one-payara-micro.configuration.log", "target/it-server/server.log"));
    Path data =
        Path.of(
            System.getProperty(
                "arq.container.one-payara-micro.configuration.dataDir", "target/it-data"));
    List<Path> files = new ArrayList<>();
    if (Files.exists(log)) {
      files.add(log);
    }
    if (Files.isDirectory(data)) {
      try (Stream<Path> walk = Files.walk(data)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    assertFalse(files.isEmpty(), "the server's log and data are looked at");
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertFalse(content.contains(secret), "the client secret is in " + file);
      for (String token : accessTokens) {
        assertFalse(content.contains(token), "an access token is in " + file);
      }
    }
  }
}
