package com.opstower.execution.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.request.OutboundRequests;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.UpstreamResponse;
import com.opstower.execution.upstream.WaitedExchange;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches a connection's API documentation for an agent, through the egress policy and deadline.
 * The credential goes along only when the docs live on the base URL's own origin; it is redacted
 * from the answer either way.
 */
@ApplicationScoped
public class DocsFetcher {

  @Inject AgentRuntime runtime;

  @Inject WaitedExchange upstream;

  @Inject CallLimits limits;

  @Inject CallRecorder recorder;

  @Inject AccessTokens tokens;

  @Inject ExecutorConfiguration configuration;

  /** The contract's docs answer. */
  public record Docs(String url, String contentType, String body, boolean truncated) {}

  /**
   * Fetches the docs under the same per-token limits as agent requests, and records the fetch in
   * the activity log (docs/security.md §10), whatever its outcome.
   */
  public Docs fetch(String agentId, String connectionId, String tokenId) {
    long started = System.nanoTime();
    String recordedPath = null;
    try (CallLimits.Permit permit = limits.acquire(tokenId)) {
      Connection connection = runtime.enabledConnection(agentId, connectionId);
      String docsUrl =
          connection
              .docsUrl()
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemCode.NOT_FOUND,
                          "The connection '"
                              + connection.displayName()
                              + "' has no API documentation URL."));
      DocsUrl docs = DocsUrl.parse(docsUrl);
      // the docs URL's path only: its query is the admin's and may hold a key
      recordedPath = docs.toUri().getRawPath();
      UpstreamResponse response = fetch(connection, docs);
      ReadBody body = response.body();
      recorder.answered(
          recorded(agentId, connectionId, recordedPath),
          started,
          response.status(),
          body.bodyBytes(),
          body.truncated());
      return new Docs(docsUrl, body.contentType(), body.body(), body.truncated());
    } catch (ProblemException problem) {
      recorder.failed(
          recorded(agentId, connectionId, recordedPath), started, problem.code().code());
      throw problem;
    } catch (RuntimeException unexpected) {
      recorder.failed(
          recorded(agentId, connectionId, recordedPath),
          started,
          ProblemCode.INTERNAL_ERROR.code());
      throw unexpected;
    }
  }

  private UpstreamResponse fetch(Connection connection, DocsUrl docs) {
    OutboundRequests.Prepared prepared =
        OutboundRequests.docs(connection, docs, docsCredentials(tokens, connection, docs));
    return upstream.exchange(
        prepared.request(), new ResponseReader(configuration.docsMaxBytes()), prepared.redactor());
  }

  /**
   * The credentials a docs fetch carries: an OAuth 2.0 connection's access token only goes to the
   * base URL's own origin (the credential rule of docs), so no token is fetched for other origins.
   */
  public static Credentials docsCredentials(
      AccessTokens tokens, Connection connection, DocsUrl docs) {
    Credentials base = Credentials.of(connection);
    return docs.sameOrigin(connection.baseUrl()) ? tokens.forCall(connection, base) : base;
  }

  private static CallRecorder.Call recorded(String agentId, String connectionId, String path) {
    return new CallRecorder.Call(ActivityEntry.Kind.DOCS, agentId, connectionId, "GET", path);
  }
}
