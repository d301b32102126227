package com.opstower.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent runtime end to end: the deployed WAR calls a real WireMock upstream on loopback. The
 * deadline is 3 s in arquillian.xml so timeouts are quick to prove.
 */
@ExtendWith(ArquillianExtension.class)
class AgentRuntimeIT extends DeployedApp {

  private static WireMockServer upstream;

  @ArquillianResource URL base;

  private Api admin;
  private Api agentApi;

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
  }

  @BeforeEach
  void clients() {
    admin = new Api(base, ADMIN_TOKEN);
    Api.Reply token =
        admin.post(
            "/api/v1/tokens",
            "{\"name\":\"engine-" + UUID.randomUUID() + "\",\"scopes\":[\"agent\"]}");
    agentApi = new Api(base, token.json().getString("token"));
    upstream.resetAll();
  }

  private String upstreamUrl(String path) {
    return "http://127.0.0.1:" + upstream.port() + path;
  }

  private String connection(String baseUrl, String auth, String extra) {
    Api.Reply created =
        admin.post(
            "/api/v1/connections",
            "{\"label\":\"Runtime "
                + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"baseUrl\":\""
                + baseUrl
                + "\",\"auth\":"
                + auth
                + extra
                + "}");
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private String agentWith(String... connections) {
    String agent =
        admin
            .post(
                "/api/v1/agents",
                "{\"name\":\"rt-" + UUID.randomUUID() + "\",\"type\":\"debugger\"}")
            .json()
            .getString("id");
    for (String connection : connections) {
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + connection, null).status());
    }
    return agent;
  }

  private Api.Reply call(String agent, String connection, String json) {
    return agentApi.post(
        "/api/v1/agents/" + agent + "/connections/" + connection + "/requests", json);
  }

  @Test
  void bearerTokenArrivesAndStatusIsPassedThrough() {
    String token = "tok-" + UUID.randomUUID();
    upstream.stubFor(
        get(urlPathEqualTo("/v1/invoices"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "session=abc")
                    .withBody("{\"error\":\"no such invoice\"}")));
    String c =
        connection(upstreamUrl("/v1"), "{\"type\":\"bearer\",\"token\":\"" + token + "\"}", "");
    String agent = agentWith(c);

    Api.Reply reply =
        call(
            agent,
            c,
            "{\"method\":\"GET\",\"path\":\"/invoices\",\"query\":{\"customer\":\"42\"}}");
    assertEquals(200, reply.status(), reply.body());
    JsonObject result = reply.json();
    assertEquals(404, result.getInt("status"));
    assertEquals("{\"error\":\"no such invoice\"}", result.getString("body"));
    assertEquals("application/json", result.getString("contentType"));
    assertFalse(result.getBoolean("truncated"));
    assertEquals(27, result.getInt("bodyBytes"));
    assertFalse(result.getJsonObject("headers").containsKey("set-cookie"));
    upstream.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/invoices"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .withQueryParam("customer", equalTo("42"))
            .withHeader("Accept-Encoding", equalTo("identity")));
  }

  @Test
  void apiKeyBasicAndQueryCredentialsArriveAsConfigured() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    String key = "key-" + UUID.randomUUID();
    String password = "pw-" + UUID.randomUUID();
    String param = "pv-" + UUID.randomUUID();
    String apiKey =
        connection(
            upstreamUrl("/k"),
            "{\"type\":\"api_key_header\",\"headerName\":\"X-Api-Key\",\"apiKey\":\"" + key + "\"}",
            "");
    String basic =
        connection(
            upstreamUrl("/b"),
            "{\"type\":\"basic\",\"username\":\"svc\",\"password\":\"" + password + "\"}",
            "");
    String query =
        connection(
            upstreamUrl("/q"),
            "{\"type\":\"query_param\",\"paramName\":\"api_key\",\"paramValue\":\"" + param + "\"}",
            "");
    String agent = agentWith(apiKey, basic, query);
    String get = "{\"method\":\"GET\",\"path\":\"/x\"}";
    assertEquals(200, call(agent, apiKey, get).json().getInt("status"));
    assertEquals(200, call(agent, basic, get).json().getInt("status"));
    assertEquals(200, call(agent, query, get).json().getInt("status"));

    upstream.verify(getRequestedFor(urlPathEqualTo("/k/x")).withHeader("X-Api-Key", equalTo(key)));
    String basicValue =
        Base64.getEncoder().encodeToString(("svc:" + password).getBytes(StandardCharsets.UTF_8));
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/b/x"))
            .withHeader("Authorization", equalTo("Basic " + basicValue)));
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/q/x")).withQueryParam("api_key", equalTo(param)));
  }

  @Test
  void patchArrivesAsPatchWithItsJsonBody() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    String c = connection(upstreamUrl("/api"), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    Api.Reply reply =
        call(agent, c, "{\"method\":\"PATCH\",\"path\":\"/items/7\",\"body\":{\"name\":\"x\"}}");
    assertEquals(204, reply.json().getInt("status"), reply.body());
    upstream.verify(
        patchRequestedFor(urlPathEqualTo("/api/items/7"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"name\":\"x\"}")));
  }

  @Test
  void queryValuesAreEncodedAsData() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    call(
        agent,
        c,
        "{\"method\":\"GET\",\"path\":\"/search\",\"query\":{\"q\":\"a&b=c#d+e {x}\",\"tag\":[\"one\",\"two\"]}}");
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/search"))
            .withQueryParam("q", equalTo("a&b=c#d+e {x}"))
            .withQueryParam("tag", equalTo("one"))
            .withQueryParam("tag", equalTo("two")));
  }

  @Test
  void refusedRequestsNeverReachTheUpstream() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c =
        connection(
            upstreamUrl("/v1"),
            "{\"type\":\"query_param\",\"paramName\":\"key\",\"paramValue\":\"v-"
                + UUID.randomUUID()
                + "\"}",
            "");
    String agent = agentWith(c);
    String[][] cases = {
      {
        "{\"method\":\"GET\",\"path\":\"/x\",\"headers\":{\"Authorization\":\"Bearer evil\"}}",
        "forbidden-header"
      },
      {
        "{\"method\":\"GET\",\"path\":\"/x\",\"headers\":{\"X_Forwarded_For\":\"1.2.3.4\"}}",
        "forbidden-header"
      },
      {
        "{\"method\":\"GET\",\"path\":\"/x\",\"headers\":{\"Host\":\"evil.example\"}}",
        "forbidden-header"
      },
      {"{\"method\":\"GET\",\"path\":\"/../admin\"}", "path-not-allowed"},
      {"{\"method\":\"GET\",\"path\":\"/%2e%2e/admin\"}", "path-not-allowed"},
      {"{\"method\":\"GET\",\"path\":\"//evil.example/x\"}", "path-not-allowed"},
      {"{\"method\":\"GET\",\"path\":\"http://evil.example/\"}", "path-not-allowed"},
      {"{\"method\":\"GET\",\"path\":\"/a%0d%0aX: y\"}", "path-not-allowed"},
      {"{\"method\":\"GET\",\"path\":\"/x\",\"query\":{\"KEY\":\"mine\"}}", "reserved-parameter"},
      {"{\"method\":\"TRACE\",\"path\":\"/x\"}", "invalid-method"},
      {"{\"method\":\"get\",\"path\":\"/x\"}", "invalid-method"},
      {"{\"method\":\"GET\",\"path\":\"/x\",\"body\":{\"a\":1}}", "invalid-request"},
      {"{\"method\":\"POST\"}", "invalid-request"},
      {"{not json", "invalid-request"}
    };
    for (String[] refused : cases) {
      Api.Reply reply = call(agent, c, refused[0]);
      assertEquals(refused[1], reply.code(), refused[0] + " -> " + reply.body());
      assertEquals(400, reply.status());
    }
    assertTrue(upstream.getAllServeEvents().isEmpty(), "no refused request reached the upstream");
  }

  @Test
  void tooLargeBodyIsRefusedBeforeSending() {
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    String big = "x".repeat(1_048_577);
    Api.Reply reply =
        call(agent, c, "{\"method\":\"POST\",\"path\":\"/up\",\"body\":\"" + big + "\"}");
    assertEquals(413, reply.status());
    assertEquals("body-too-large", reply.code());
    assertTrue(upstream.getAllServeEvents().isEmpty());
  }

  @Test
  void connectionNotEnabledAndUnknownIdsAreRefused() {
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith();
    Api.Reply reply = call(agent, c, "{\"method\":\"GET\",\"path\":\"/\"}");
    assertEquals(403, reply.status());
    assertEquals("connection-not-enabled", reply.code());
    assertEquals(
        404, call(UUID.randomUUID().toString(), c, "{\"method\":\"GET\",\"path\":\"/\"}").status());
  }

  @Test
  void crossOriginRedirectIsReturnedNotFollowed() {
    upstream.stubFor(
        get(urlPathEqualTo("/moved"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://evil.example/steal")));
    String c =
        connection(
            upstreamUrl(""), "{\"type\":\"bearer\",\"token\":\"t-" + UUID.randomUUID() + "\"}", "");
    String agent = agentWith(c);
    JsonObject result = call(agent, c, "{\"method\":\"GET\",\"path\":\"/moved\"}").json();
    assertEquals(302, result.getInt("status"));
    assertEquals(
        "http://evil.example/steal", result.getJsonObject("headers").getString("location"));
    assertEquals(1, upstream.getAllServeEvents().size());
  }

  @Test
  void echoedSecretsAreRedactedEvenAcrossTheCut() {
    String token = "Sx9-" + UUID.randomUUID();
    String filler = "a".repeat(8192 - 5);
    upstream.stubFor(
        get(urlPathEqualTo("/echo"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/plain")
                    .withHeader("Location", "https://x.example/cb?t=" + token)
                    .withBody(
                        filler
                            + token
                            + " and "
                            + Base64.getEncoder()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)))));
    String c = connection(upstreamUrl(""), "{\"type\":\"bearer\",\"token\":\"" + token + "\"}", "");
    String agent = agentWith(c);
    Api.Reply reply = call(agent, c, "{\"method\":\"GET\",\"path\":\"/echo\"}");
    JsonObject result = reply.json();
    assertTrue(result.getBoolean("truncated"));
    assertTrue(result.getInt("bodyBytes") <= 8192);
    assertFalse(reply.body().contains(token.substring(0, 5)), "no fragment of the secret survives");
    assertTrue(result.getJsonObject("headers").getString("location").contains("[REDACTED]"));
  }

  @Test
  void hugeAndEndlessBodiesAreCutQuickly() throws Exception {
    byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
    java.util.Arrays.fill(twentyMegabytes, (byte) 'z');
    upstream.stubFor(
        get(urlPathEqualTo("/huge"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody(twentyMegabytes)));
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    long started = System.nanoTime();
    JsonObject huge = call(agent, c, "{\"method\":\"GET\",\"path\":\"/huge\"}").json();
    assertTrue(huge.getBoolean("truncated"));
    assertEquals(8192, huge.getInt("bodyBytes"));
    assertTrue((System.nanoTime() - started) / 1_000_000 < 2500, "cut quickly");

    try (RawUpstream endless = new RawUpstream()) {
      String e = connection("http://127.0.0.1:" + endless.port(), "{\"type\":\"none\"}", "");
      String agent2 = agentWith(e);
      long t0 = System.nanoTime();
      JsonObject result = call(agent2, e, "{\"method\":\"GET\",\"path\":\"/\"}").json();
      assertTrue(result.getBoolean("truncated"));
      assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "endless body cut quickly");
      Thread.sleep(500);
      long sent = endless.bytesSent();
      Thread.sleep(500);
      assertEquals(sent, endless.bytesSent(), "the exchange was aborted: nothing more is read");
    }
  }

  @Test
  void tricklingAndHangingUpstreamsStopAtTheDeadline() {
    upstream.stubFor(
        get(urlPathEqualTo("/trickle"))
            .willReturn(aResponse().withBody("x".repeat(20)).withChunkedDribbleDelay(20, 8_000)));
    upstream.stubFor(get(urlPathEqualTo("/hang")).willReturn(aResponse().withFixedDelay(6_000)));
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    for (String path : new String[] {"/trickle", "/hang"}) {
      long started = System.nanoTime();
      Api.Reply reply = call(agent, c, "{\"method\":\"GET\",\"path\":\"" + path + "\"}");
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertEquals(504, reply.status(), path + " " + reply.body());
      assertEquals("upstream-timeout", reply.code());
      assertTrue(ms >= 2800 && ms < 6000, path + " took " + ms + " ms");
    }
  }

  @Test
  void metadataAddressesAreBlocked() {
    String c = connection("http://169.254.169.254/latest", "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    Api.Reply reply = call(agent, c, "{\"method\":\"GET\",\"path\":\"/meta-data\"}");
    assertEquals(403, reply.status());
    assertEquals("destination-blocked", reply.code());
    Api.Reply mappedForm =
        admin.post(
            "/api/v1/connections",
            "{\"baseUrl\":\"http://[::ffff:169.254.169.254]\",\"auth\":{\"type\":\"none\"}}");
    if (mappedForm.status() == 201) {
      String mapped = mappedForm.json().getString("id");
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + mapped, null).status());
      Api.Reply viaMapped = call(agent, mapped, "{\"method\":\"GET\",\"path\":\"/\"}");
      assertEquals("destination-blocked", viaMapped.code(), viaMapped.body());
    } else {
      assertEquals(400, mappedForm.status(), mappedForm.body());
    }
  }

  @Test
  void unreachableUpstreamIsBadGateway() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String c = connection("http://127.0.0.1:" + closedPort, "{\"type\":\"none\"}", "");
    Api.Reply reply = call(agentWith(c), c, "{\"method\":\"GET\",\"path\":\"/\"}");
    assertEquals(502, reply.status(), reply.body());
    assertEquals("upstream-unreachable", reply.code());
  }

  @Test
  void toolsDescribeEnabledConnectionsWithoutSecrets() {
    String token = "tool-secret-" + UUID.randomUUID();
    String c =
        connection(
            upstreamUrl("/billing"),
            "{\"type\":\"bearer\",\"token\":\"" + token + "\"}",
            ",\"description\":\"Billing data. GET /invoices?customer=ID lists invoices.\",\"docsUrl\":\""
                + upstreamUrl("/billing/openapi.json")
                + "\"");
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
  void testConnectionReportsSuccessRejectionAndFailures() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/good")).willReturn(aResponse().withStatus(200)));
    upstream.stubFor(get(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(401)));
    String good =
        connection(
            upstreamUrl("/good"),
            "{\"type\":\"bearer\",\"token\":\"t-" + UUID.randomUUID() + "\"}",
            "");
    JsonObject ok = admin.post("/api/v1/connections/" + good + "/test", null).json();
    assertTrue(ok.getBoolean("ok"), ok.toString());
    assertEquals(200, ok.getInt("status"));
    assertNotNull(ok.getString("testedAt"));
    assertTrue(
        admin.get("/api/v1/connections/" + good).json().getJsonObject("lastTest").getBoolean("ok"),
        "kept as lastTest");

    JsonObject denied =
        admin
            .post(
                "/api/v1/connections/test",
                "{\"baseUrl\":\""
                    + upstreamUrl("/denied")
                    + "\",\"auth\":{\"type\":\"bearer\",\"token\":\"expired\"}}")
            .json();
    assertFalse(denied.getBoolean("ok"));
    assertEquals(401, denied.getInt("status"));
    assertTrue(denied.getString("hint").toLowerCase().contains("expired"), denied.toString());

    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JsonObject unreachable =
        admin
            .post(
                "/api/v1/connections/test",
                "{\"baseUrl\":\"http://127.0.0.1:"
                    + closedPort
                    + "\",\"auth\":{\"type\":\"none\"}}")
            .json();
    assertFalse(unreachable.getBoolean("ok"));
    assertTrue(unreachable.isNull("status"));
    assertTrue(unreachable.getString("hint").toLowerCase().contains("url"), unreachable.toString());

    JsonObject blocked =
        admin
            .post(
                "/api/v1/connections/test",
                "{\"baseUrl\":\"http://169.254.169.254\",\"auth\":{\"type\":\"none\"}}")
            .json();
    assertFalse(blocked.getBoolean("ok"));
    assertTrue(blocked.getString("message").toLowerCase().contains("block"), blocked.toString());

    upstream.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(6_000)));
    JsonObject slow =
        admin
            .post(
                "/api/v1/connections/test",
                "{\"baseUrl\":\"" + upstreamUrl("/slow") + "\",\"auth\":{\"type\":\"none\"}}")
            .json();
    assertFalse(slow.getBoolean("ok"));
    assertTrue(
        slow.getString("hint").contains("3 seconds") || slow.getString("hint").contains("3 s"),
        slow.toString());
  }

  @Test
  void docsAreFetchedWithCredentialsOnlyOnTheSameOrigin() {
    String token = "docs-" + UUID.randomUUID();
    upstream.stubFor(
        get(urlPathEqualTo("/api/openapi.json"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"openapi\":\"3.0.0\"}")));
    String same =
        connection(
            upstreamUrl("/api"),
            "{\"type\":\"bearer\",\"token\":\"" + token + "\"}",
            ",\"docsUrl\":\"" + upstreamUrl("/api/openapi.json") + "\"");
    String other =
        connection(
            upstreamUrl("/api"),
            "{\"type\":\"bearer\",\"token\":\"" + token + "\"}",
            ",\"docsUrl\":\"http://localhost:" + upstream.port() + "/api/openapi.json\"");
    String none = connection(upstreamUrl("/api"), "{\"type\":\"none\"}", "");
    String agent = agentWith(same, other, none);

    Api.Reply docs = agentApi.get("/api/v1/agents/" + agent + "/connections/" + same + "/docs");
    assertEquals(200, docs.status(), docs.body());
    assertEquals("{\"openapi\":\"3.0.0\"}", docs.json().getString("body"));
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
    String c =
        connection(
            upstreamUrl(""),
            "{\"type\":\"query_param\",\"paramName\":\"key\",\"paramValue\":\"" + param + "\"}",
            "");
    String agent = agentWith(c);
    call(agent, c, "{\"method\":\"GET\",\"path\":\"/logged\"}");
    call(agent, c, "{\"method\":\"GET\",\"path\":\"/logged\",\"headers\":{\"Cookie\":\"a=b\"}}");
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
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    List<CompletableFuture<Api.Reply>> flood = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      flood.add(
          CompletableFuture.supplyAsync(
              () -> call(agent, c, "{\"method\":\"GET\",\"path\":\"/stuck\"}")));
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
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    String refusedFast = "{\"method\":\"GET\",\"path\":\"/x\",\"headers\":{\"Cookie\":\"c\"}}";
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
    String c = connection(upstreamUrl(""), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);
    String longId = UUID.randomUUID() + "-tail"; // 41 characters; the id columns hold 36

    Api.Reply hostile =
        agentApi.post(
            "/api/v1/agents/" + longId + "/connections/" + longId + "/requests",
            "{\"method\":\"GET\",\"path\":\"/" + "p".repeat(5000) + "\\u0000\"}");
    // queued in the same batch as the hostile entry
    Api.Reply fine = call(agent, c, "{\"method\":\"GET\",\"path\":\"/fine\"}");

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
  void rangeHeadersAreRefusedBeforeAnythingIsSent() {
    String c =
        connection(upstreamUrl(""), "{\"type\":\"bearer\",\"token\":\"range-secret-1\"}", "");
    String agent = agentWith(c);
    for (String header : List.of("Range", "If-Range", "range")) {
      Api.Reply refused =
          call(
              agent,
              c,
              "{\"method\":\"GET\",\"path\":\"/echo\",\"headers\":{\""
                  + header
                  + "\":\"bytes=100-105\"}}");
      assertEquals(400, refused.status(), refused.body());
      assertEquals("forbidden-header", refused.code());
    }
    upstream.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void aColonInTheFirstSegmentIsAPathNotAScheme() {
    upstream.stubFor(
        any(urlPathEqualTo("/v4/spreadsheets/values:batchGet"))
            .willReturn(aResponse().withBody("{}")));
    String c = connection(upstreamUrl("/v4/spreadsheets"), "{\"type\":\"none\"}", "");
    String agent = agentWith(c);

    Api.Reply reply = call(agent, c, "{\"method\":\"GET\",\"path\":\"values:batchGet\"}");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(200, reply.json().getInt("status"));
    Api.Reply url = call(agent, c, "{\"method\":\"GET\",\"path\":\"https://evil.example\"}");
    assertEquals("path-not-allowed", url.code());
  }

  @Test
  void docsFetchesAndTestRunsAreRecordedAndDocsAreUnderTheTokenLimits() {
    upstream.stubFor(
        get(urlPathEqualTo("/d/openapi.json")).willReturn(aResponse().withBody("{\"openapi\":1}")));
    upstream.stubFor(get(urlPathEqualTo("/d")).willReturn(aResponse().withStatus(200)));
    String c =
        connection(
            upstreamUrl("/d"),
            "{\"type\":\"none\"}",
            ",\"docsUrl\":\"" + upstreamUrl("/d/openapi.json?key=docs-key-secret") + "\"");
    String agent = agentWith(c);

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
            .filter(e -> e.getString("kind").equals("docs"))
            .toList();
    assertEquals(61, docsEntries.size(), "60 fetches and one refusal: " + entries);
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
