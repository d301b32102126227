package com.opstower.agent.control;

import java.time.Instant;

/**
 * The CDI event {@link AgentService#delete} fires just before it removes an agent, synchronously
 * ({@code @Observes}) inside the deleting transaction: what an observer changes (the tokens bound
 * to the agent, which are revoked) commits or rolls back with the deletion, without the agent
 * feature knowing those features.
 *
 * @param agentId the agent being deleted
 * @param deletedAt when
 */
public record AgentDeleted(String agentId, Instant deletedAt) {}
