package com.opstower.probe.control;

import java.time.Instant;

/**
 * The contract's {@code TestResult}: whether the base URL answered acceptably, and why not.
 *
 * @param outcome (added in v1.1) one word: {@code ok}, {@code rejected} (401/403/407), {@code
 *     server-error} (5xx), or the {@link com.opstower.problem.UpstreamFault} code when no answer
 *     arrived ({@code blocked}, {@code dns}, {@code refused}, {@code tls}, {@code timeout}, …), or
 *     {@code credential-unavailable}
 * @param request (added in v1.1) the request that was sent, e.g. {@code GET https://host/v1}; its
 *     query is left out, since a credential parameter goes there
 */
public record ProbeReport(
    boolean ok,
    Integer status,
    long durationMs,
    Instant testedAt,
    String message,
    String hint,
    String outcome,
    String request)
    implements java.io.Serializable {}
