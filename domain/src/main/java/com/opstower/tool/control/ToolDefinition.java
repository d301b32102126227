package com.opstower.tool.control;

/**
 * One entry of {@code GET /api/v1/agents/{agentId}/tools}: a function the agent's model may call,
 * and the connection that a call to it goes to.
 *
 * @param type always {@link #FUNCTION}
 */
public record ToolDefinition(String type, String connectionId, ToolFunction function) {

  public static final String FUNCTION = "function";
}
