package com.opstower.connection.entity;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a connection's API, as its OpenAPI document describes it: the method, the path
 * relative to the base URL ({@code /invoices/{id}}, templates kept), and a one-line summary that
 * may name the query parameters.
 */
public record ApiOperation(String method, String path, String summary) {

  /** Longest summary kept; the catalogue is a map for the agent, not the documentation. */
  public static final int SUMMARY_MAX = 160;

  public ApiOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    summary = summary == null ? "" : summary;
  }

  /**
   * The path's segments for the policy's patterns: a templated segment ({@code {id}}, {@code
   * file.{ext}}) becomes a value no literal pattern segment can equal, so only {@code *} or {@code
   * **} allow it: an operation is listed only when every call it stands for is allowed.
   */
  public List<String> policySegments() {
    return java.util.Arrays.stream(path.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(segment -> segment.indexOf('{') >= 0 ? "\u0001" + segment : segment)
        .toList();
  }

  /** The catalogue line: {@code GET /invoices — List invoices}. */
  public String line() {
    return summary.isEmpty() ? method + " " + path : method + " " + path + " — " + summary;
  }
}
