package com.opstower.execution.upstream;

import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What came back from the upstream, ready for the agent.
 *
 * @param status the upstream status code as sent (a 3xx is returned, never followed)
 * @param headers lower-cased, filtered and redacted by {@link ResponseReader#headers}
 * @param body the capped, redacted body from {@link ResponseReader}
 * @param durationMs from the start of the exchange until the body was read or the read stopped
 */
public record UpstreamResponse(
    int status, Map<String, String> headers, ReadBody body, long durationMs) {

  public UpstreamResponse {
    // sorted by name, as ResponseReader.headers produced them
    headers =
        Collections.unmodifiableMap(headers == null ? new TreeMap<>() : new TreeMap<>(headers));
  }
}
