package com.opstower.execution.response;

/**
 * What the agent gets of an upstream body.
 *
 * @param body the redacted text, cut to the cap; {@code null} for a binary response
 * @param truncated whether the upstream had more than what {@code body} holds
 * @param bodyBytes the size of {@code body} in the response's charset; 0 for binary
 * @param contentType the upstream {@code Content-Type} header (trimmed, redacted), or null
 * @param note a human-readable remark (binary body, unknown charset), or null
 */
public record ReadBody(
    String body, boolean truncated, int bodyBytes, String contentType, String note) {}
