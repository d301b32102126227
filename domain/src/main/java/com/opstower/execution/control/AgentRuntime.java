package com.opstower.execution.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executes an agent's request through a connection: every policy first (enabled connection, method,
 * body, headers, path, query), then one upstream exchange with the credential injected, and an
 * activity record whatever the outcome. No database transaction is held while the upstream answers.
 */
@ApplicationScoped
public class AgentRuntime {

  @Inject AgentService agents;

  @Inject ConnectionService connections;

  @Inject UpstreamClient upstream;

  @Inject CallLimits limits;

  @Inject CallRecorder recorder;

  @Inject ExecutorSettings settings;

  private final HeaderPolicy headerPolicy = new HeaderPolicy();

  /** Reads the agent's request; called only once the call has been admitted. */
  @FunctionalInterface
  public interface CallSource {
    /**
     * @throws com.opstower.problem.ProblemException {@code INVALID_REQUEST} or {@code
     *     BODY_TOO_LARGE}
     */
    AgentCall read();
  }

  /**
   * Executes one agent request. The per-token limits come first and the request is only read and
   * parsed after them (docs/security.md §10), so a flood of large or malformed requests costs the
   * server no parsing.
   */
  public ExecutionResult execute(
      String agentId, String connectionId, CallSource source, String tokenId) {
    long started = System.nanoTime();
    AgentCall call = null;
    try (CallLimits.Permit permit = limits.acquire(tokenId)) {
      call = source.read();
      Connection connection = enabledConnection(agentId, connectionId);
      Prepared request = prepare(connection, call);
      ExecutionResult result =
          ExecutionResult.of(
              upstream.exchange(
                  request.request(),
                  new ResponseReader(settings.maxResponseBytes()),
                  request.redactor()));
      recorder.answered(
          recorded(agentId, connectionId, call),
          started,
          result.status(),
          result.bodyBytes(),
          result.truncated());
      return result;
    } catch (ProblemException problem) {
      recorder.failed(recorded(agentId, connectionId, call), started, problem.code().code());
      throw problem;
    } catch (RuntimeException unexpected) {
      recorder.failed(
          recorded(agentId, connectionId, call), started, ProblemCode.INTERNAL_ERROR.code());
      throw unexpected;
    }
  }

  /** Executes an already parsed request (tests, and callers that parse themselves). */
  public ExecutionResult execute(
      String agentId, String connectionId, AgentCall call, String tokenId) {
    return execute(agentId, connectionId, () -> call, tokenId);
  }

  /** The connection, when it exists and is enabled on the agent (404 / 403 otherwise). */
  public Connection enabledConnection(String agentId, String connectionId) {
    return connections
        .findEnabled(agentId, connectionId)
        .orElseGet(() -> explainNotEnabled(agentId, connectionId));
  }

  /** Looks again, entity by entity, to say which one is missing or not enabled. */
  private Connection explainNotEnabled(String agentId, String connectionId) {
    Agent agent = agents.get(agentId);
    Connection connection = connections.get(connectionId);
    if (!agent.isEnabled(connection.id())) {
      throw new ProblemException(
          ProblemCode.CONNECTION_NOT_ENABLED,
          "The connection '"
              + connection.displayName()
              + "' is not enabled for the agent '"
              + agent.name()
              + "'.");
    }
    return connection;
  }

  /** A request and the redactor that hides its credential, built by the request policies. */
  record Prepared(UpstreamRequest request, SecretRedactor redactor) {}

  private Prepared prepare(Connection connection, AgentCall call) {
    RequestMethod method = RequestMethod.parse(call.method());
    OutboundBody body =
        BodyRules.check(
            method,
            call.body() == null ? OutboundBody.none() : call.body(),
            settings.maxRequestBytes());
    Credentials credentials = Credentials.of(connection);
    Map<String, String> headers =
        new LinkedHashMap<>(
            headerPolicy.check(call.headers(), credentials.headerName().orElse(null)));
    URI uri =
        OutboundUrl.build(
            connection.baseUrl().toUri(),
            call.path(),
            call.query() == null ? Map.of() : call.query(),
            credentials.injection().queryCredential());
    headers.putAll(credentials.injection().headers());
    return new Prepared(new UpstreamRequest(method, uri, headers, body), credentials.redactor());
  }

  private static CallRecorder.Call recorded(String agentId, String connectionId, AgentCall call) {
    return new CallRecorder.Call(
        ActivityEntry.Kind.REQUEST,
        agentId,
        connectionId,
        call == null ? null : call.method(),
        call == null ? null : call.path());
  }
}
