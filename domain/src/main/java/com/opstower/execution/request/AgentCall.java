package com.opstower.execution.request;

import java.util.List;
import java.util.Map;

/**
 * An agent's request as it arrived (the tool arguments), before any policy ran. The body is already
 * serialised by the boundary: JSON for objects and arrays, text for strings.
 */
public record AgentCall(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    OutboundBody body) {

  @Override
  public String toString() {
    return "AgentCall[" + method + " " + path + "]";
  }
}
