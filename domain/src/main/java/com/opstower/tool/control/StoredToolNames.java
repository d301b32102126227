package com.opstower.tool.control;

import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the tool names of connections and agents from before names were stored, exactly as agents
 * saw them until then — the old rule: in label order, each plain name reserved up front, later
 * duplicates suffixed ({@link UniqueToolNames}) — so an upgrade renames no tool and no prompt that
 * names {@code billing_2} reaches another API. Run at start-up; a no-op once done.
 */
@ApplicationScoped
public class StoredToolNames {

  @Inject ConnectionService connections;

  @Inject AgentService agents;

  /** Returns how many names were stored (0 once every name is). */
  @Transactional
  public int storeMissing() {
    int stored = connections.storeMissingToolNames();
    Instant now = Timestamps.now();
    for (Agent agent : agents.list()) {
      stored += storeFor(agent, now);
    }
    return stored;
  }

  int storeFor(Agent agent, Instant now) {
    List<Connection> enabled =
        agent.connectionIds().stream()
            .map(connections::find)
            .flatMap(Optional::stream)
            .sorted(ConnectionService.BY_LABEL)
            .toList();
    if (enabled.stream().allMatch(c -> agent.toolName(c.id()).isPresent())) {
      return 0;
    }
    List<String> asSeen =
        UniqueToolNames.assign(enabled.stream().map(Connection::toolName).toList());
    int stored = 0;
    for (int i = 0; i < enabled.size(); i++) {
      Connection connection = enabled.get(i);
      if (agent.toolName(connection.id()).isEmpty()) {
        agent.storeToolName(connection.id(), asSeen.get(i), now);
        stored++;
      }
    }
    return stored;
  }
}
