package com.opstower.ui.connection;

import com.opstower.connection.control.TestReport;
import com.opstower.connection.entity.LastTest;
import com.opstower.ui.layout.UiTime;

/** A Test Connection outcome as the pages show it: inline after a test, and in the list. */
public record TestResultView(
    boolean ok, String status, long durationMs, String testedAt, String message, String hint) {

  public static TestResultView of(TestReport report) {
    return new TestResultView(
        report.ok(),
        statusText(report.status()),
        report.durationMs(),
        UiTime.format(report.testedAt()),
        report.message(),
        report.hint());
  }

  public static TestResultView of(LastTest last) {
    return new TestResultView(
        last.ok(),
        statusText(last.status()),
        last.durationMs(),
        UiTime.format(last.testedAt()),
        last.message(),
        last.hint());
  }

  private static String statusText(Integer status) {
    return status == null ? "no response" : "HTTP " + status;
  }
}
