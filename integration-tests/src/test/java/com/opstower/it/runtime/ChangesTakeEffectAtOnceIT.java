package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opstower.it.Api;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens and enabled connections are kept in memory between calls; every change is seen by the very
 * next call: each step first makes calls that fill the memory, then changes, then calls.
 */
@ExtendWith(ArquillianExtension.class)
class ChangesTakeEffectAtOnceIT extends RuntimeFixture {

  @Test
  void editsDisablingDeletionAndRevocationApplyToTheNextCall() {
    upstream.stubFor(get(urlPathEqualTo("/v1/items")).willReturn(aResponse().withBody("one")));
    upstream.stubFor(get(urlPathEqualTo("/v2/items")).willReturn(aResponse().withBody("two")));
    String c = connection(input(upstreamUrl("/v1"), bearer("first-secret-4d1c")));
    String agent = agentWith(c);
    warm(agent, c, "one");

    // a new secret and base URL
    Api.Reply edited =
        admin.put(
            "/api/v1/connections/" + c,
            json(input(upstreamUrl("/v2"), bearer("second-secret-8e2a"))));
    assertEquals(200, edited.status(), edited.body());
    assertEquals("two", callBody(agent, c));
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/v2/items"))
            .withHeader("Authorization", equalTo("Bearer second-secret-8e2a")));
    warm(agent, c, "two");

    // disabled on the agent, then enabled again
    String enabledPath = "/api/v1/agents/" + agent + "/connections/" + c;
    assertEquals(204, admin.delete(enabledPath).status());
    Api.Reply disabled = call(agent, c, request("GET", "/items"));
    assertEquals(403, disabled.status(), disabled.body());
    assertEquals("connection-not-enabled", disabled.code());
    assertEquals(204, admin.put(enabledPath, null).status());
    warm(agent, c, "two");

    // the token revoked
    assertEquals(204, admin.delete("/api/v1/tokens/" + agentTokenId).status());
    assertEquals(401, call(agent, c, request("GET", "/items")).status());
    agentApi = newAgentToken();
    warm(agent, c, "two");

    // the connection deleted
    assertEquals(204, admin.delete("/api/v1/connections/" + c).status());
    Api.Reply deleted = call(agent, c, request("GET", "/items"));
    assertEquals(404, deleted.status(), deleted.body());
  }

  @Test
  void aDeletedAgentCallsNothing() {
    upstream.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withBody("fine")));
    String c = connection(upstreamUrl(""), bearer("agent-secret-2b7f"));
    String agent = agentWith(c);
    warm(agent, c, "fine");
    assertEquals(204, admin.delete("/api/v1/agents/" + agent).status());
    Api.Reply gone = call(agent, c, request("GET", "/items"));
    assertEquals(404, gone.status(), gone.body());
  }

  /** Three calls answered {@code body}: the token and the connection are now kept in memory. */
  private void warm(String agent, String connection, String body) {
    for (int i = 0; i < 3; i++) {
      assertEquals(body, callBody(agent, connection));
    }
  }

  private String callBody(String agent, String connection) {
    Api.Reply reply = call(agent, connection, request("GET", "/items"));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getString("body");
  }

  private Api newAgentToken() {
    Api.Reply created =
        admin.post(
            "/api/v1/tokens",
            com.opstower.it.Bodies.token("engine-" + java.util.UUID.randomUUID(), "agent"));
    return agentApi.withToken(created.json().getString("token"));
  }
}
