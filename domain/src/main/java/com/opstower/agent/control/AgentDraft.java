package com.opstower.agent.control;

/** What a person or API client typed for an agent; {@code type} is the contract's wire name. */
public record AgentDraft(String name, String type, String description) {}
