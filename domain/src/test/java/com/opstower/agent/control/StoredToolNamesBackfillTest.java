package com.opstower.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An agent from before stable tool names (connections enabled, no names stored) gets the names it
 * saw until then: in label order, the first of a name keeping it — so an upgrade renames no tool.
 */
class StoredToolNamesBackfillTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private static Connection labelled(String label) {
    return new Connection(
        new ConnectionDetails(
            label, BaseUrl.parse("https://api.example.com"), AuthType.NONE, null, null, null),
        null,
        NOW);
  }

  /** As stored before: the connections enabled, the tool names table empty. */
  private static Agent agentFromBefore(List<Connection> enabled) throws Exception {
    Agent agent = new Agent("Old", AgentType.ANALYST, null, NOW);
    enabled.forEach(c -> agent.enableConnection(c.id(), c.toolName(), NOW));
    var names = Agent.class.getDeclaredField("toolNames");
    names.setAccessible(true);
    ((Map<?, ?>) names.get(agent)).clear();
    return agent;
  }

  @Test
  void namesAreStoredAsTheAgentSawThemInLabelOrder() throws Exception {
    Connection later = labelled("crm!");
    Connection first = labelled("CRM");
    Connection other = labelled("Weather");
    // enabled in another order than the labels': the label order decided the names until now
    Agent agent = agentFromBefore(List.of(later, other, first));
    Map<String, Connection> byId = Map.of(later.id(), later, first.id(), first, other.id(), other);
    AgentService service =
        new AgentService() {
          @Override
          public List<Agent> list() {
            return List.of(agent);
          }
        };
    service.connections =
        new ConnectionService() {
          @Override
          public Optional<Connection> find(String id) {
            return Optional.ofNullable(byId.get(id));
          }
        };

    assertEquals(3, service.storeMissingToolNames());
    // "CRM" sorts before "crm!" (ignoring case), so it kept the plain name, as the tools call did
    assertEquals(Optional.of("crm"), agent.toolName(first.id()));
    assertEquals(Optional.of("crm_2"), agent.toolName(later.id()));
    assertEquals(Optional.of("weather"), agent.toolName(other.id()));
    assertEquals(0, service.storeMissingToolNames(), "once stored, nothing more to do");
  }
}
