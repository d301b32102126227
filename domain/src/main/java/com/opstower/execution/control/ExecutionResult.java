package com.opstower.execution.control;

import com.opstower.execution.response.ReadBody;
import com.opstower.execution.upstream.UpstreamResponse;
import java.util.Map;

/** What the agent gets back: the upstream's answer, capped, redacted and filtered. */
public record ExecutionResult(
    int status,
    Map<String, String> headers,
    String contentType,
    String body,
    boolean truncated,
    int bodyBytes,
    long durationMs,
    String note) {

  static ExecutionResult of(UpstreamResponse response) {
    ReadBody read = response.body();
    return new ExecutionResult(
        response.status(),
        response.headers(),
        mediaType(read.contentType()),
        read.body(),
        read.truncated(),
        read.bodyBytes(),
        response.durationMs(),
        read.note());
  }

  /** The media type without parameters, as the contract shows it ({@code application/json}). */
  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
  }
}
