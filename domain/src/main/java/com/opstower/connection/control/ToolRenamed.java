package com.opstower.connection.control;

import java.time.Instant;

/**
 * The CDI event {@link ConnectionService#update} fires when the admin asked for the connection's
 * tool to be renamed after its new label. Delivered synchronously in the updating transaction, so
 * the agents that have the connection rename their tool with it, or not at all.
 *
 * @param toolName the connection's new tool name
 */
public record ToolRenamed(String connectionId, String toolName, Instant at) {}
