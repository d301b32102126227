package com.opstower.execution.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.connection.control.TestOutcomes;
import com.opstower.connection.control.TestOutcomes.TestVerdict;
import com.opstower.connection.control.TestReport;
import com.opstower.connection.entity.Connection;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The probe behind Test Connection: one GET to the base URL with the credential, through the same
 * upstream client (egress policy, deadline) as agent calls. Only the status matters; at most a
 * little of the body is read.
 */
@ApplicationScoped
public class ConnectionProbe {

  private static final int PROBE_BODY_BYTES = 1024;

  @Inject UpstreamClient upstream;

  @Inject ExecutorSettings settings;

  @Inject CallRecorder recorder;

  /**
   * @param recordedConnectionId the connection's id for the activity log, or null for a draft
   */
  public TestReport run(Connection connection, Instant testedAt, String recordedConnectionId) {
    long started = System.nanoTime();
    CallRecorder.Call recorded =
        new CallRecorder.Call(
            ActivityEntry.Kind.TEST,
            null,
            recordedConnectionId,
            "GET",
            connection.baseUrl().toUri().getRawPath());
    // what the person sees as "the request sent": the base URL without the query, where a
    // query-parameter credential goes
    String request = "GET " + connection.baseUrl();
    try {
      Credentials credentials = Credentials.of(connection);
      URI uri =
          OutboundUrl.build(
              connection.baseUrl().toUri(),
              "",
              Map.of(),
              credentials.injection().queryCredential());
      UpstreamResponse response =
          upstream.exchange(
              new UpstreamRequest(
                  RequestMethod.GET, uri, credentials.injection().headers(), OutboundBody.none()),
              new ResponseReader(PROBE_BODY_BYTES),
              credentials.redactor());
      recorder.answered(
          recorded,
          started,
          response.status(),
          response.body().bodyBytes(),
          response.body().truncated());
      TestVerdict verdict = TestOutcomes.forStatus(response.status());
      return new TestReport(
          verdict.ok(),
          response.status(),
          response.durationMs(),
          testedAt,
          verdict.message(),
          verdict.hint(),
          verdict.outcome(),
          request);
    } catch (ProblemException failure) {
      recorder.failed(recorded, started, failure.code().code());
      TestVerdict verdict = TestOutcomes.forFailure(failure, settings.timeout());
      return new TestReport(
          false,
          null,
          (System.nanoTime() - started) / 1_000_000,
          testedAt,
          verdict.message(),
          verdict.hint(),
          verdict.outcome(),
          request);
    }
  }
}
