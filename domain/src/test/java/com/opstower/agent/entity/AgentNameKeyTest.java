package com.opstower.agent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentNameKeyTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void theKeyFollowsTheNameOnEveryChange() {
    Agent agent = new Agent("Billing Analyst", AgentType.ANALYST, null, NOW);
    assertEquals("billing analyst", agent.nameKey());
    agent.describe("BILLING analyst 2", AgentType.DEBUGGER, "x", NOW);
    assertEquals("billing analyst 2", agent.nameKey());
    assertEquals("BILLING analyst 2", agent.name());
  }

  @Test
  void theKeyColumnHasRoomForNamesThatGrowWhenLowerCased() {
    String name = "\u0130".repeat(Agent.NAME_MAX);
    assertEquals(true, Agent.nameKey(name).length() <= Agent.NAME_KEY_MAX);
  }
}
