package com.opstower.agent.boundary;

import com.opstower.agent.entity.Agent;
import java.time.Instant;
import java.util.List;

/** The contract's {@code Agent}. */
public record AgentView(
    String id,
    String name,
    String type,
    String description,
    List<String> connectionIds,
    Instant createdAt,
    Instant updatedAt) {

  public static AgentView of(Agent agent) {
    return new AgentView(
        agent.id(),
        agent.name(),
        agent.type().wire(),
        agent.description(),
        List.copyOf(agent.connectionIds()),
        agent.createdAt(),
        agent.updatedAt());
  }
}
