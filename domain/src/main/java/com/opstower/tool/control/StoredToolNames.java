package com.opstower.tool.control;

import com.opstower.agent.control.AgentService;
import com.opstower.connection.control.ConnectionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Stores the tool names of connections and agents from before names were stored, as agents saw them
 * until then, so that upgrading renames no tool. Run at start-up; a no-op once done.
 */
@ApplicationScoped
public class StoredToolNames {

  @Inject ConnectionService connections;

  @Inject AgentService agents;

  /** Returns how many names were stored (0 once every name is). */
  @Transactional
  public int storeMissing() {
    return connections.storeMissingToolNames() + agents.storeMissingToolNames();
  }
}
