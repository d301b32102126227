package com.opstower.tool.control;

import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ToolName;
import com.opstower.execution.control.ExecutorConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tool definitions an agent receives: one function per connection enabled on it. */
@ApplicationScoped
public class AgentTools {

  @Inject AgentService agents;

  @Inject ConnectionService connections;

  @Inject ExecutorConfiguration configuration;

  /** In label order, each under the name the agent gave it when it was enabled. */
  public List<ToolDefinition> forAgent(String agentId) {
    Agent agent = agents.get(agentId);
    List<Connection> enabled =
        agent.connectionIds().stream()
            .map(connections::find)
            .flatMap(Optional::stream)
            .sorted(ConnectionService.BY_LABEL)
            .toList();
    // a connection without a stored name (not stored yet during an upgrade) gets one that no other
    // tool of this agent has, so two tools never share a name
    Set<String> taken = new HashSet<>();
    enabled.forEach(connection -> agent.toolName(connection.id()).ifPresent(taken::add));
    List<String> names = new ArrayList<>();
    for (Connection connection : enabled) {
      String name = agent.toolName(connection.id()).orElse(null);
      if (name == null) {
        String base = connection.toolName();
        name = base;
        for (int n = 2; taken.contains(name); n++) {
          name = ToolName.withSuffix(base, n);
        }
        taken.add(name);
      }
      names.add(name);
    }
    return ToolDefinitions.forConnections(
        enabled,
        names,
        configuration.maxResponseBytes(),
        configuration.timeout(),
        configuration.catalogueChars());
  }

  /** The definitions for these connections, e.g. for the preview on a connection's page. */
  public List<ToolDefinition> forConnections(List<Connection> list) {
    return ToolDefinitions.forConnections(
        list,
        UniqueToolNames.assign(list.stream().map(Connection::toolName).toList()),
        configuration.maxResponseBytes(),
        configuration.timeout(),
        configuration.catalogueChars());
  }
}
