package com.opstower.ui.agent;

/**
 * One checkbox on the agent page: a connection, whether the agent may call it, and the tool name
 * the agent sees for it (for one not enabled yet: the connection's own tool name, which it gets
 * unless the agent already has a tool of that name).
 */
public record ConnectionToggle(
    String id, String name, String baseUrl, boolean enabled, String toolName) {}
