package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.request;
import static com.opstower.it.Bodies.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent call is answered by the servlet filter when its request is plain and by the JAX-RS
 * resource when it is not (here: an {@code Accept} with two media ranges). Both must answer alike:
 * the same status, problem code, content type, hardening and auth headers and body, for a good call
 * and for each way one is refused.
 */
@ExtendWith(ArquillianExtension.class)
class AgentCallPathsIT extends RuntimeFixture {

  /** Sent so that the filter hands the call on to JAX-RS. */
  private static final Map<String, String> NEGOTIATED =
      Map.of("Accept", "application/json, */*;q=0.1");

  private static final List<String> COMPARED_HEADERS =
      List.of(
          "content-type",
          "www-authenticate",
          "retry-after",
          "x-frame-options",
          "x-content-type-options",
          "content-security-policy",
          "cache-control",
          "referrer-policy");

  private record Answer(int status, Map<String, String> headers, String body) {}

  private static Answer answer(Api.Reply reply) {
    Map<String, String> headers = new java.util.TreeMap<>();
    for (String name : COMPARED_HEADERS) {
      String value = reply.header(name);
      if (value != null) {
        // Retry-After counts down between the two calls: that it is there is what must match
        headers.put(
            name,
            name.equals("retry-after")
                ? "present"
                : value.replace(" ", "").toLowerCase(Locale.ROOT));
      }
    }
    return new Answer(reply.status(), headers, comparable(reply.body()));
  }

  /**
   * The body without what differs from call to call: {@code durationMs} is left out, and the
   * seconds in a rate limit's "retry in N seconds" (the two calls can fall either side of a
   * second).
   */
  private static String comparable(String body) {
    if (!body.startsWith("{")) {
      return body;
    }
    JsonObject object = Json.createReader(new StringReader(body)).readObject();
    return Json.createObjectBuilder(object)
        .remove("durationMs")
        .build()
        .toString()
        .replaceAll("retry in \\d+ seconds?", "retry in N seconds");
  }

  private void assertSameOnBothPaths(String what, Api api, String path, String body) {
    assertSameOnBothPaths(what, api, path, body, List.of());
  }

  /** {@code authorizations}: Authorization headers to send besides the client's own. */
  private void assertSameOnBothPaths(
      String what, Api api, String path, String body, List<String> authorizations) {
    Api.Reply plain = send(api, path, body, Map.of(), authorizations);
    Api.Reply negotiated = send(api, path, body, NEGOTIATED, authorizations);
    Answer filter = answer(plain);
    Answer resource = answer(negotiated);
    assertEquals(resource, filter, what);
    assertEquals("DENY", plain.header("X-Frame-Options"), what + ": hardened");
  }

  /** A POST with the client's token, {@code headers} and each of {@code authorizations}. */
  private Api.Reply send(
      Api api, String path, String body, Map<String, String> headers, List<String> authorizations) {
    if (authorizations.isEmpty()) {
      return api.send("POST", path, body, headers);
    }
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(api.uri(path))
            .timeout(java.time.Duration.ofSeconds(30))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    headers.forEach(request::header);
    authorizations.forEach(value -> request.header("Authorization", value));
    try {
      return new Api.Reply(
          java.net.http.HttpClient.newHttpClient()
              .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
    } catch (java.io.IOException | InterruptedException failed) {
      throw new IllegalStateException(failed);
    }
  }

  @Test
  void theFilterAndTheResourceAnswerEveryCaseAlike() throws Exception {
    upstream.stubFor(
        get(urlPathEqualTo("/v1/items"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\":[1,2,3]}")));
    String connection = connection(upstreamUrl("/v1"), noAuth());
    String agent = agentWith(connection);
    String path = "/api/v1/agents/" + agent + "/connections/" + connection + "/requests";
    String good = json(request("GET", "/items"));

    Api.Reply ok = agentApi.post(path, good);
    assertEquals(200, ok.status(), ok.body());
    assertEquals(200, ok.json().getInt("status"));
    assertSameOnBothPaths("a good call", agentApi, path, good);

    Api adminOnly =
        new Api(
            base,
            admin
                .post("/api/v1/tokens", token("admin-only-" + UUID.randomUUID(), "admin"))
                .json()
                .getString("token"));
    assertSameOnBothPaths("no token", agentApi.withToken(null), path, good);
    assertSameOnBothPaths("an unknown token", agentApi.withToken("otk_nope"), path, good);
    assertSameOnBothPaths("a token without the agent scope", adminOnly, path, good);
    assertSameOnBothPaths("a body that is not JSON", agentApi, path, "{not json");
    assertSameOnBothPaths("an empty body", agentApi, path, "");
    assertSameOnBothPaths(
        "a method the contract has not", agentApi, path, json(request("TRACE", "/items")));
    assertSameOnBothPaths(
        "a path outside the base", agentApi, path, json(request("GET", "/../admin")));
    assertSameOnBothPaths(
        "an unknown connection",
        agentApi,
        "/api/v1/agents/" + agent + "/connections/no-such-connection/requests",
        good);
    assertSameOnBothPaths(
        "an unknown agent",
        agentApi,
        "/api/v1/agents/no-such-agent/connections/" + connection + "/requests",
        good);
    assertSameOnBothPaths(
        "a body over the cap",
        agentApi,
        path,
        "{\"method\":\"POST\",\"path\":\"/items\",\"body\":\"" + "x".repeat(1_100_000) + "\"}");
    assertSameOnBothPaths(
        "an envelope over the cap", agentApi, path, "{\"pad\":\"" + "y".repeat(6_600_000) + "\"}");

    String other = agentWith(connection);
    Api boundElsewhere =
        new Api(
            base,
            admin
                .post(
                    "/api/v1/tokens",
                    json(
                        Json.createObjectBuilder()
                            .add("name", "bound-" + UUID.randomUUID())
                            .add("scopes", Json.createArrayBuilder().add("agent"))
                            .add("agentId", other)))
                .json()
                .getString("token"));
    assertSameOnBothPaths("a token bound to another agent", boundElsewhere, path, good);
    assertSameOnBothPaths(
        "two Authorization headers",
        agentApi.withToken(null),
        path,
        good,
        List.of("Bearer " + agentToken(), "Bearer " + agentToken()));

    String refused = connection("http://127.0.0.1:" + closedPort() + "/v1", noAuth());
    String refusedAgent = agentWith(refused);
    assertSameOnBothPaths(
        "an upstream that refuses connections",
        agentApi,
        "/api/v1/agents/" + refusedAgent + "/connections/" + refused + "/requests",
        good);
    Api.Reply unreachable =
        agentApi.post(
            "/api/v1/agents/" + refusedAgent + "/connections/" + refused + "/requests", good);
    assertEquals(502, unreachable.status(), unreachable.body());
    assertTrue(unreachable.header("Content-Type").startsWith("application/problem+json"));
  }

  /** The per-token limit's 429, with its Retry-After, alike on both paths. */
  @Test
  void aTokenOverItsLimitIsRefusedAlikeOnBothPaths() {
    upstream.stubFor(
        get(urlPathEqualTo("/v1/fast")).willReturn(aResponse().withStatus(200).withBody("ok")));
    String connection = connection(upstreamUrl("/v1"), noAuth());
    String agent = agentWith(connection);
    String path = "/api/v1/agents/" + agent + "/connections/" + connection + "/requests";
    String good = json(request("GET", "/fast"));
    int admitted = 0;
    while (admitted < 200) {
      Api.Reply call = agentApi.post(path, good);
      if (call.status() == 429) {
        break;
      }
      assertEquals(200, call.status(), call.body());
      admitted++;
    }
    assertTrue(admitted < 200, "the per-minute limit never refused");
    assertSameOnBothPaths("a token over its per-minute limit", agentApi, path, good);
    Api.Reply limited = agentApi.post(path, good);
    assertEquals(429, limited.status(), limited.body());
    assertEquals("rate-limited", limited.code());
    assertTrue(limited.header("Retry-After") != null, "Retry-After");
  }
}
