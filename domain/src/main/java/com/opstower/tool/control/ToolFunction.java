package com.opstower.tool.control;

import java.util.Map;

/**
 * The OpenAI-style {@code function} object. {@code parameters} is a JSON schema held as nested
 * maps, lists and strings so that JSON-B writes it as it is, in insertion order.
 */
public record ToolFunction(String name, String description, Map<String, Object> parameters) {}
