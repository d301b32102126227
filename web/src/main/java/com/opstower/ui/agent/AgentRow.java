package com.opstower.ui.agent;

import com.opstower.agent.entity.Agent;
import java.util.List;

/** An agent in the list: its names for people and the connections it may call. */
public record AgentRow(
    String id, String name, String type, String description, List<String> connections) {

  public static AgentRow of(Agent agent, List<String> connectionNames) {
    return new AgentRow(
        agent.id(), agent.name(), agent.type().displayName(), agent.description(), connectionNames);
  }
}
