package com.opstower.ui.activity;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.ui.layout.UiTime;
import java.util.Map;

/**
 * One recorded outbound call (agent request, docs fetch, Test Connection); agents and connections
 * by name where they still exist.
 */
public record ActivityRow(
    UiTime.Shown at,
    String agent,
    String connection,
    String method,
    String path,
    String status,
    String outcome,
    boolean ok,
    long durationMs,
    int bodyBytes,
    boolean truncated) {

  /** The outcome of a call that reached the upstream and got an answer it accepted. */
  static final String OK = "ok";

  public static ActivityRow of(
      ActivityEntry entry, Map<String, String> agentNames, Map<String, String> connectionNames) {
    return new ActivityRow(
        UiTime.shown(entry.at()),
        "test".equals(entry.kind()) ? "Test Connection" : name(agentNames, entry.agentId()),
        entry.connectionId() == null && "test".equals(entry.kind())
            ? "(unsaved draft)"
            : name(connectionNames, entry.connectionId()),
        "docs".equals(entry.kind()) ? entry.method() + " (docs)" : entry.method(),
        entry.path(),
        entry.status() == null ? "—" : String.valueOf(entry.status()),
        entry.outcome(),
        OK.equals(entry.outcome()),
        entry.durationMs(),
        entry.bodyBytes(),
        entry.truncated());
  }

  private static String name(Map<String, String> names, String id) {
    if (id == null) {
      return "—";
    }
    return names.getOrDefault(id, "(deleted)");
  }
}
