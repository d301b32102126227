package com.opstower.ui.connection;

import com.opstower.connection.entity.LastTest;
import com.opstower.probe.control.ProbeReport;
import com.opstower.problem.UpstreamFault;
import com.opstower.ui.layout.UiTime;

/** A Test Connection outcome as the pages show it: inline after a test, and in the list. */
public record TestResultView(
    boolean ok, String status, long durationMs, String testedAt, String message, String hint) {

  public static TestResultView of(ProbeReport report) {
    return new TestResultView(
        report.ok(),
        statusText(report.status(), report.outcome()),
        report.durationMs(),
        UiTime.format(report.testedAt()),
        sentence(report.request(), report.message()),
        report.hint());
  }

  public static TestResultView of(LastTest last) {
    return new TestResultView(
        last.ok(),
        statusText(last.status(), last.outcome()),
        last.durationMs(),
        UiTime.format(last.testedAt()),
        sentence(last.request(), last.message()),
        last.hint());
  }

  /**
   * "HTTP 401" when an answer arrived, else what stopped the call in words ("Blocked by policy",
   * "DNS failure", "Timed out", …), so that a list can tell them apart.
   */
  static String statusText(Integer status, String outcome) {
    if (status != null) {
      return "HTTP " + status;
    }
    if (outcome != null) {
      for (UpstreamFault fault : UpstreamFault.values()) {
        if (fault.code().equals(outcome)) {
          return fault.words();
        }
      }
      if (outcome.equals("credential-unavailable")) {
        return "Credential unavailable";
      }
    }
    return "no response";
  }

  /** One sentence that names the request sent: "GET https://host/v1: The API refused …". */
  static String sentence(String request, String message) {
    return request == null ? message : request + ": " + message;
  }
}
