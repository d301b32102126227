package com.opstower.probe.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.connection.entity.Connection;
import com.opstower.execution.control.AccessTokens;
import com.opstower.execution.control.CallRecorder;
import com.opstower.execution.control.ExecutorConfiguration;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.oauth.TokenRequestFailed;
import com.opstower.execution.request.OutboundRequests;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.UpstreamResponse;
import com.opstower.execution.upstream.WaitedExchange;
import com.opstower.probe.control.ProbeOutcomes.Verdict;
import com.opstower.problem.ProblemException;
import com.opstower.problem.UpstreamProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The probe behind Test Connection: one GET to the base URL with the credential, through the same
 * upstream client (egress policy, deadline) as agent calls. Only the status matters; at most a
 * little of the body is read.
 */
@ApplicationScoped
public class ConnectionProbe {

  private static final int PROBE_BODY_BYTES = 1024;

  @Inject WaitedExchange upstream;

  @Inject ExecutorConfiguration configuration;

  @Inject CallRecorder recorder;

  @Inject AccessTokens tokens;

  /**
   * @param recordedConnectionId the connection's id for the activity log, or null for a draft
   */
  public ProbeReport run(Connection connection, Instant testedAt, String recordedConnectionId) {
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
    Credentials credentials;
    try {
      // a fresh OAuth access token: Test Connection tests the token request too
      credentials = tokens.fresh(connection, Credentials.of(connection));
    } catch (TokenRequestFailed refused) {
      recorder.failed(recorded, started, refused.code().code());
      Verdict verdict =
          ProbeOutcomes.forTokenRefusal(refused.detail(), refused.error().orElse(null));
      return failedReport(verdict, started, testedAt, tokenRequest(connection));
    } catch (UpstreamProblem unreachable) {
      recorder.failed(recorded, started, unreachable.code().code());
      Verdict verdict = ProbeOutcomes.forTokenFailure(unreachable, configuration.timeout());
      return failedReport(verdict, started, testedAt, tokenRequest(connection));
    } catch (ProblemException failure) {
      recorder.failed(recorded, started, failure.code().code());
      Verdict verdict = ProbeOutcomes.forFailure(failure, configuration.timeout());
      return failedReport(verdict, started, testedAt, request);
    }
    try {
      OutboundRequests.Prepared prepared = OutboundRequests.probe(connection, credentials);
      UpstreamResponse response =
          upstream.exchange(
              prepared.request(), new ResponseReader(PROBE_BODY_BYTES), prepared.redactor());
      recorder.answered(
          recorded,
          started,
          response.status(),
          response.body().bodyBytes(),
          response.body().truncated());
      Verdict verdict = ProbeOutcomes.forStatus(response.status());
      return new ProbeReport(
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
      Verdict verdict = ProbeOutcomes.forFailure(failure, configuration.timeout());
      return failedReport(verdict, started, testedAt, request);
    }
  }

  /** What was sent when the token request failed: the token URL, without its query. */
  private static String tokenRequest(Connection connection) {
    String url = connection.oauth().map(oauth -> oauth.tokenUrl()).orElse("");
    int query = url.indexOf('?');
    return "POST " + (query < 0 ? url : url.substring(0, query));
  }

  private static ProbeReport failedReport(
      Verdict verdict, long started, Instant testedAt, String request) {
    return new ProbeReport(
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
