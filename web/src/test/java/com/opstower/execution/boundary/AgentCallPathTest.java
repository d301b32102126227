package com.opstower.execution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests the agent-call filter answers itself; the rest go to JAX-RS. */
class AgentCallPathTest {

  @Test
  void theIdsOfAPlainAgentCall() {
    assertEquals(
        Optional.of(new AgentCallPath("a-1", "c_2.x~")),
        AgentCallPath.of("/api/v1/agents/a-1/connections/c_2.x~/requests"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/agents/a/connections/c/requests/",
        "/api/v1/agents/a/connections/c/requests/x",
        "/api/v1/agents/a/connections/c",
        "/api/v1/agents/a/tools",
        "/api/v1/agents/a/connections/c/docs",
        "/api/v1/agents//connections/c/requests",
        "/api/v1/agents/a%2Fb/connections/c/requests",
        "/api/v1/agents/a;x=1/connections/c/requests",
        "/api/v1/agents/../connections/c/requests",
        "/api/v1/agents/./connections/c/requests",
        "/api/v1/agents/a/Connections/c/requests",
        "/api/v1/agents/a/connections/c/Requests",
        "/api/v1/agentsx/a/connections/c/requests",
        "/api/v2/agents/a/connections/c/requests"
      })
  void anythingElseIsLeftToJaxRs(String path) {
    assertEquals(Optional.empty(), AgentCallPath.of(path));
  }

  @Test
  void anIdLongerThanAnyOfOursIsLeftToJaxRs() {
    String id = "a".repeat(101);
    assertFalse(AgentCallPath.of("/api/v1/agents/" + id + "/connections/c/requests").isPresent());
    assertTrue(
        AgentCallPath.of("/api/v1/agents/" + id.substring(1) + "/connections/c/requests")
            .isPresent());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "*/*", "application/json", " Application/JSON ", "application/*"})
  void anAcceptThatJsonSatisfiesAsItStands(String accept) {
    assertTrue(AgentCallPath.acceptsJson(accept));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "application/json, */*;q=0.1",
        "application/json;q=0",
        "application/xml",
        "application/json; charset=utf-16"
      })
  void anyOtherAcceptIsNegotiatedByJaxRs(String accept) {
    assertFalse(AgentCallPath.acceptsJson(accept));
  }
}
