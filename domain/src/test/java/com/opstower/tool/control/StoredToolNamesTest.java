package com.opstower.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An agent from before stable tool names (connections enabled, no names stored) gets exactly the
 * names the tools call gave it until then, so an upgrade renames no tool — and no prompt that names
 * {@code billing_2} reaches another API afterwards.
 */
class StoredToolNamesTest {

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

  private static StoredToolNames over(List<Connection> all) {
    Map<String, Connection> byId =
        all.stream().collect(Collectors.toMap(Connection::id, Function.identity()));
    StoredToolNames backfill = new StoredToolNames();
    backfill.connections =
        new ConnectionService() {
          @Override
          public Optional<Connection> find(String id) {
            return Optional.ofNullable(byId.get(id));
          }
        };
    return backfill;
  }

  @Test
  void theStoredNamesAreTheNamesTheToolsCallGaveBefore() throws Exception {
    // labels billing, billing, billing 2: the old rule reserved "billing_2" for "billing 2"
    Connection first = labelled("billing");
    Connection twin = labelled("billing!");
    Connection literal = labelled("billing 2");
    List<Connection> all = List.of(first, twin, literal);
    List<String> before =
        ToolDefinitions.forConnections(
                all.stream().sorted(ConnectionService.BY_LABEL).toList(),
                8192,
                Duration.ofSeconds(15))
            .stream()
            .map(tool -> tool.function().name())
            .toList();
    Agent agent = agentFromBefore(List.of(literal, twin, first));

    StoredToolNames backfill = over(all);
    assertEquals(3, backfill.storeFor(agent, NOW));
    List<String> after =
        all.stream()
            .sorted(ConnectionService.BY_LABEL)
            .map(c -> agent.toolName(c.id()).orElseThrow())
            .toList();
    assertEquals(before, after);
    assertEquals(Optional.of("billing_2"), agent.toolName(literal.id()), "kept by its own label");
    assertEquals(Optional.of("billing_3"), agent.toolName(twin.id()));
    assertEquals(0, backfill.storeFor(agent, NOW), "once stored, nothing more to do");
  }
}
