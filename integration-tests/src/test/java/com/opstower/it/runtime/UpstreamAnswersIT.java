package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What comes back from the upstream and how: redirects returned, not followed; echoed secrets
 * redacted; huge, endless, trickling and hanging answers cut at the cap or the deadline; an
 * unreachable upstream; and Test Connection's verdicts.
 */
@ExtendWith(ArquillianExtension.class)
class UpstreamAnswersIT extends RuntimeFixture {

  @Test
  void crossOriginRedirectIsReturnedNotFollowed() {
    upstream.stubFor(
        get(urlPathEqualTo("/moved"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://evil.example/steal")));
    String c = connection(upstreamUrl(""), bearer("t-" + UUID.randomUUID()));
    String agent = agentWith(c);
    JsonObject result = call(agent, c, request("GET", "/moved")).json();
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
    String c = connection(upstreamUrl(""), bearer(token));
    String agent = agentWith(c);
    Api.Reply reply = call(agent, c, request("GET", "/echo"));
    JsonObject result = reply.json();
    assertTrue(result.getBoolean("truncated"));
    assertTrue(result.getInt("bodyBytes") <= 8192);
    assertFalse(reply.body().contains(token.substring(0, 5)), "no fragment of the secret survives");
    assertTrue(result.getJsonObject("headers").getString("location").contains("[REDACTED]"));
  }

  @Test
  void hugeAndEndlessBodiesAreCutQuickly() throws Exception {
    byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
    Arrays.fill(twentyMegabytes, (byte) 'z');
    upstream.stubFor(
        get(urlPathEqualTo("/huge"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody(twentyMegabytes)));
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    long started = System.nanoTime();
    JsonObject huge = call(agent, c, request("GET", "/huge")).json();
    assertTrue(huge.getBoolean("truncated"));
    assertEquals(8192, huge.getInt("bodyBytes"));
    assertTrue((System.nanoTime() - started) / 1_000_000 < 2500, "cut quickly");

    try (RawUpstream endless = new RawUpstream()) {
      String e = connection("http://127.0.0.1:" + endless.port(), noAuth());
      String agent2 = agentWith(e);
      long t0 = System.nanoTime();
      JsonObject result = call(agent2, e, request("GET", "/")).json();
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
    String c = connection(upstreamUrl(""), noAuth());
    String agent = agentWith(c);
    // both at once: each must end at its own deadline, whatever the other does
    List<CompletableFuture<String>> calls =
        Stream.of("/trickle", "/hang")
            .map(path -> CompletableFuture.supplyAsync(() -> timedOut(agent, c, path)))
            .toList();
    for (CompletableFuture<String> call : calls) {
      assertEquals("", call.join());
    }
  }

  /** Empty when the call to {@code path} ended 504 at the 3 s deadline; otherwise what happened. */
  private String timedOut(String agent, String connection, String path) {
    long started = System.nanoTime();
    Api.Reply reply = call(agent, connection, request("GET", path));
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (reply.status() != 504 || !"upstream-timeout".equals(reply.code())) {
      return path + " answered " + reply.status() + " " + reply.body();
    }
    return ms >= 2800 && ms < 6000 ? "" : path + " took " + ms + " ms";
  }

  @Test
  void unreachableUpstreamIsBadGateway() throws Exception {
    int closedPort = closedPort();
    String c = connection("http://127.0.0.1:" + closedPort, noAuth());
    Api.Reply reply = call(agentWith(c), c, request("GET", "/"));
    assertEquals(502, reply.status(), reply.body());
    assertEquals("upstream-unreachable", reply.code());
  }

  @Test
  void testConnectionReportsSuccessRejectionAndFailures() throws Exception {
    upstream.stubFor(get(urlPathEqualTo("/good")).willReturn(aResponse().withStatus(200)));
    upstream.stubFor(get(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(401)));
    String good = connection(upstreamUrl("/good"), bearer("t-" + UUID.randomUUID()));
    JsonObject ok = admin.post("/api/v1/connections/" + good + "/test", null).json();
    assertTrue(ok.getBoolean("ok"), ok.toString());
    assertEquals(200, ok.getInt("status"));
    assertNotNull(ok.getString("testedAt"));
    assertTrue(
        admin.get("/api/v1/connections/" + good).json().getJsonObject("lastTest").getBoolean("ok"),
        "kept as lastTest");

    JsonObject denied = test(Bodies.connection(null, upstreamUrl("/denied"), bearer("expired")));
    assertFalse(denied.getBoolean("ok"));
    assertEquals(401, denied.getInt("status"));
    assertTrue(denied.getString("hint").toLowerCase().contains("expired"), denied.toString());

    int closedPort = closedPort();
    JsonObject unreachable =
        test(Bodies.connection(null, "http://127.0.0.1:" + closedPort, noAuth()));
    assertFalse(unreachable.getBoolean("ok"));
    assertTrue(unreachable.isNull("status"));
    assertTrue(unreachable.getString("hint").toLowerCase().contains("url"), unreachable.toString());

    JsonObject blocked = test(Bodies.connection(null, "http://169.254.169.254", noAuth()));
    assertFalse(blocked.getBoolean("ok"));
    assertTrue(blocked.getString("message").toLowerCase().contains("block"), blocked.toString());

    upstream.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(6_000)));
    JsonObject slow = test(Bodies.connection(null, upstreamUrl("/slow"), noAuth()));
    assertFalse(slow.getBoolean("ok"));
    assertTrue(
        slow.getString("hint").contains("3 seconds") || slow.getString("hint").contains("3 s"),
        slow.toString());
  }

  /** Test Connection on unsaved values ({@code POST /api/v1/connections/test}). */
  private JsonObject test(JsonObjectBuilder input) {
    return admin.post("/api/v1/connections/test", json(input)).json();
  }
}
