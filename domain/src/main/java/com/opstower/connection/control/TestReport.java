package com.opstower.connection.control;

import java.time.Instant;

/** The contract's {@code TestResult}: whether the base URL answered acceptably, and why not. */
public record TestReport(
    boolean ok, Integer status, long durationMs, Instant testedAt, String message, String hint) {}
