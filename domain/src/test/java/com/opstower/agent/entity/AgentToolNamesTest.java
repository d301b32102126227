package com.opstower.agent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tool names an agent gives its connections: first enabled keeps, nothing renames by itself.
 */
class AgentToolNamesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private static Agent agent() {
    return new Agent("Analyst", AgentType.ANALYST, null, NOW);
  }

  @Test
  void theConnectionEnabledFirstKeepsThePlainName() {
    Agent agent = agent();
    agent.enableConnection("newer", "billing_api", NOW);
    agent.enableConnection("older", "billing_api", NOW);
    agent.enableConnection("third", "billing_api", NOW);
    assertEquals(Optional.of("billing_api"), agent.toolName("newer"));
    assertEquals(Optional.of("billing_api_2"), agent.toolName("older"));
    assertEquals(Optional.of("billing_api_3"), agent.toolName("third"));
  }

  @Test
  void enablingAgainKeepsTheNameAndDisablingFreesIt() {
    Agent agent = agent();
    agent.enableConnection("a", "crm", NOW);
    agent.enableConnection("b", "crm", NOW);
    agent.enableConnection("a", "renamed_meanwhile", NOW);
    assertEquals(Optional.of("crm"), agent.toolName("a"), "already named: kept");
    agent.disableConnection("a", NOW);
    assertEquals(Optional.empty(), agent.toolName("a"));
    assertEquals(Optional.of("crm_2"), agent.toolName("b"), "the others keep theirs");
    agent.enableConnection("c", "crm", NOW);
    assertEquals(Optional.of("crm"), agent.toolName("c"), "the freed plain name is given again");
  }

  @Test
  void aRenameOnRequestTakesTheNewNameIfItIsFree() {
    Agent agent = agent();
    agent.enableConnection("a", "billing", NOW);
    agent.enableConnection("b", "invoices", NOW);
    agent.renameTool("a", "invoices", NOW);
    assertEquals(Optional.of("invoices_2"), agent.toolName("a"));
    agent.renameTool("a", "ledger", NOW);
    assertEquals(Optional.of("ledger"), agent.toolName("a"));
    agent.renameTool("not-enabled", "x", NOW);
    assertEquals(Optional.empty(), agent.toolName("not-enabled"), "renaming enables nothing");
  }

  @Test
  void suffixesKeepTheNameWithinSixtyFourCharacters() {
    Agent agent = agent();
    String long64 = "a".repeat(64);
    agent.enableConnection("a", long64, NOW);
    agent.enableConnection("b", long64, NOW);
    assertEquals(Optional.of("a".repeat(62) + "_2"), agent.toolName("b"));
  }
}
