package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.apiKeyHeader;
import static com.opstower.it.Bodies.basic;
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
import com.opstower.it.Bodies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an agent's request may be and how it arrives upstream: credentials of every auth type,
 * methods, query values, bodies and the status passed through; refused paths, headers, methods,
 * bodies and destinations never reach the upstream.
 */
@ExtendWith(ArquillianExtension.class)
class AgentRequestPolicyIT extends RuntimeFixture {

  @Test
  void bearerTokenArrivesAndStatusIsPassedThrough() {
    String token = "tok-" + UUID.randomUUID();
    String answer =
        """
        {"error":"no such invoice"}""";
    upstream.stubFor(
        get(urlPathEqualTo("/v1/invoices"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "session=abc")
                    .withBody(answer)));
    String c = connection(upstreamUrl("/v1"), bearer(token));
    String agent = agentWith(c);

    Api.Reply reply =
        call(agent, c, request("GET", "/invoices").add("query", object("customer", "42")));
    assertEquals(200, reply.status(), reply.body());
    JsonObject result = reply.json();
    assertEquals(404, result.getInt("status"));
    assertEquals(answer, result.getString("body"));
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
    String apiKey = connection(upstreamUrl("/k"), apiKeyHeader("X-Api-Key", key));
    String basic = connection(upstreamUrl("/b"), basic("svc", password));
    String query = connection(upstreamUrl("/q"), queryParam("api_key", param));
    String agent = agentWith(apiKey, basic, query);
    String get = Bodies.get("/x");
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
    String c = connection(upstreamUrl("/api"), noAuth());
    String agent = agentWith(c);
    Api.Reply reply = call(agent, c, request("PATCH", "/items/7").add("body", object("name", "x")));
    assertEquals(204, reply.json().getInt("status"), reply.body());
    upstream.verify(
        patchRequestedFor(urlPathEqualTo("/api/items/7"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(json(object("name", "x")))));
  }

  @Test
  void queryValuesAreEncodedAsData() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    call(
        agent,
        c,
        request("GET", "/search")
            .add(
                "query",
                Json.createObjectBuilder()
                    .add("q", "a&b=c#d+e {x}")
                    .add("tag", Json.createArrayBuilder().add("one").add("two"))));
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/search"))
            .withQueryParam("q", equalTo("a&b=c#d+e {x}"))
            .withQueryParam("tag", equalTo("one"))
            .withQueryParam("tag", equalTo("two")));
  }

  @Test
  void refusedRequestsNeverReachTheUpstream() {
    upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String c = connection(upstreamUrl("/v1"), queryParam("key", "v-" + UUID.randomUUID()));
    String agent = agentWith(c);
    String[][] cases = {
      {header("Authorization", "Bearer evil"), "forbidden-header"},
      {header("X_Forwarded_For", "1.2.3.4"), "forbidden-header"},
      {header("Host", "evil.example"), "forbidden-header"},
      {Bodies.get("/../admin"), "path-not-allowed"},
      {Bodies.get("/%2e%2e/admin"), "path-not-allowed"},
      {Bodies.get("//evil.example/x"), "path-not-allowed"},
      {Bodies.get("http://evil.example/"), "path-not-allowed"},
      {Bodies.get("/a%0d%0aX: y"), "path-not-allowed"},
      {json(request("GET", "/x").add("query", object("KEY", "mine"))), "reserved-parameter"},
      {json(request("TRACE", "/x")), "invalid-method"},
      {json(request("get", "/x")), "invalid-method"},
      {
        json(request("GET", "/x").add("body", Json.createObjectBuilder().add("a", 1))),
        "invalid-request"
      },
      {json(request("POST", null)), "invalid-request"},
      {"{not json", "invalid-request"} // malformed on purpose
    };
    for (String[] refused : cases) {
      Api.Reply reply = call(agent, c, refused[0]);
      assertEquals(refused[1], reply.code(), refused[0] + " -> " + reply.body());
      assertEquals(400, reply.status());
    }
    assertTrue(upstream.getAllServeEvents().isEmpty(), "no refused request reached the upstream");
  }

  /** A GET of /x with one header. */
  private static String header(String name, String value) {
    return json(request("GET", "/x").add("headers", object(name, value)));
  }

  @Test
  void tooLargeBodyIsRefusedBeforeSending() {
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    String big = "x".repeat(1_048_577);
    Api.Reply reply = call(agent, c, request("POST", "/up").add("body", big));
    assertEquals(413, reply.status());
    assertEquals("body-too-large", reply.code());
    assertTrue(upstream.getAllServeEvents().isEmpty());
  }

  @Test
  void connectionNotEnabledAndUnknownIdsAreRefused() {
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith();
    Api.Reply reply = call(agent, c, request("GET", "/"));
    assertEquals(403, reply.status());
    assertEquals("connection-not-enabled", reply.code());
    assertEquals(404, call(UUID.randomUUID().toString(), c, request("GET", "/")).status());
  }

  @Test
  void metadataAddressesAreBlocked() {
    String c = connection("http://169.254.169.254/latest", noAuth());
    String agent = agentWith(c);
    Api.Reply reply = call(agent, c, request("GET", "/meta-data"));
    assertEquals(403, reply.status());
    assertEquals("destination-blocked", reply.code());
    Api.Reply mappedForm =
        admin.post(
            "/api/v1/connections",
            json(Bodies.connection(null, "http://[::ffff:169.254.169.254]", noAuth())));
    if (mappedForm.status() == 201) {
      String mapped = mappedForm.json().getString("id");
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + mapped, null).status());
      Api.Reply viaMapped = call(agent, mapped, request("GET", "/"));
      assertEquals("destination-blocked", viaMapped.code(), viaMapped.body());
    } else {
      assertEquals(400, mappedForm.status(), mappedForm.body());
    }
  }

  @Test
  void rangeHeadersAreRefusedBeforeAnythingIsSent() {
    String c = connection(upstreamUrl(""), bearer("range-secret-1"));
    String agent = agentWith(c);
    for (String header : List.of("Range", "If-Range", "range")) {
      Api.Reply refused =
          call(agent, c, request("GET", "/echo").add("headers", object(header, "bytes=100-105")));
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
    String c = connection(upstreamUrl("/v4/spreadsheets"), noAuth());
    String agent = agentWith(c);

    Api.Reply reply = call(agent, c, request("GET", "values:batchGet"));
    assertEquals(200, reply.status(), reply.body());
    assertEquals(200, reply.json().getInt("status"));
    Api.Reply url = call(agent, c, request("GET", "https://evil.example"));
    assertEquals("path-not-allowed", url.code());
  }
}
