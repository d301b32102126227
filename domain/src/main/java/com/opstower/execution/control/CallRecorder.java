package com.opstower.execution.control;

import com.opstower.activity.control.ActivityLog;
import com.opstower.activity.entity.ActivityEntry;
import com.opstower.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes one activity entry per outbound call, whatever its outcome (docs/security.md §10): agent
 * requests, docs fetches and Test Connection runs. What an agent sent is recorded as it was (the
 * entry cuts it to fit); the outcome is {@code ok} or the problem code that stopped the call.
 */
@ApplicationScoped
public class CallRecorder {

  @Inject ActivityLog activity;

  /** The parts of a call that the log keeps; no header values, bodies or query. */
  public record Call(
      ActivityEntry.Kind kind, String agentId, String connectionId, String method, String path) {}

  /** A call that got an upstream answer. */
  public void answered(Call call, long startedNanos, int status, int bodyBytes, boolean truncated) {
    write(call, startedNanos, status, "ok", bodyBytes, truncated);
  }

  /** A call that was refused or failed; {@code outcome} is the problem code. */
  public void failed(Call call, long startedNanos, String outcome) {
    write(call, startedNanos, null, outcome, 0, false);
  }

  private void write(
      Call call,
      long startedNanos,
      Integer status,
      String outcome,
      int bodyBytes,
      boolean truncated) {
    activity.record(
        new ActivityEntry(
            call.kind(),
            Timestamps.now(),
            call.agentId(),
            call.connectionId(),
            call.method(),
            call.path(),
            status,
            outcome,
            (System.nanoTime() - startedNanos) / 1_000_000,
            bodyBytes,
            truncated));
  }
}
