package com.opstower.ui.agent;

/** One checkbox on the agent page: a connection and whether the agent may call it. */
public record ConnectionToggle(String id, String name, String baseUrl, boolean enabled) {}
