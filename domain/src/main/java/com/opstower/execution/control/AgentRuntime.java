package com.opstower.execution.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.Connection;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.request.AgentCall;
import com.opstower.execution.request.OutboundRequests;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.NonBlockingExchanges;
import com.opstower.execution.upstream.UpstreamClient;
import com.opstower.execution.upstream.UpstreamResponse;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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

  @Inject ExecutorConfiguration configuration;

  @Inject EnabledConnections enabled;

  @Inject AccessTokens tokens;

  /** Where an OAuth call rejected with 401 is prepared again (off the I/O threads). */
  @Resource ManagedExecutorService retries;

  /** Only looked up with {@code opstower.executor.non-blocking=true}. */
  @Inject Instance<NonBlockingExchanges> nonBlocking;

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
      Attempt attempt = prepared(agentId, connectionId, call);
      UpstreamResponse response = exchange(attempt);
      if (attempt.mayRetryAfter(response)) {
        tokens.rejected(attempt.connection(), attempt.credentials());
        response = exchange(prepared(agentId, connectionId, call));
      }
      ExecutionResult result = ExecutionResult.of(response);
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

  /**
   * Like {@link #execute(String, String, CallSource, String)}, as a stage. With {@code
   * opstower.executor.non-blocking=true} the upstream exchange runs on non-blocking I/O and no
   * thread waits for it; otherwise the stage is already complete when it is returned. It completes
   * exceptionally with the {@link ProblemException} itself, never wrapped.
   */
  public CompletionStage<ExecutionResult> executeAsync(
      String agentId, String connectionId, CallSource source, String tokenId) {
    if (!configuration.nonBlocking()) {
      try {
        return CompletableFuture.completedFuture(execute(agentId, connectionId, source, tokenId));
      } catch (RuntimeException failed) {
        return CompletableFuture.failedFuture(failed);
      }
    }
    long started = System.nanoTime();
    CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
    CallLimits.Permit permit;
    AgentCall call = null;
    try {
      permit = limits.acquire(tokenId);
    } catch (ProblemException refused) {
      recorder.failed(recorded(agentId, connectionId, null), started, refused.code().code());
      return CompletableFuture.failedFuture(refused);
    }
    try {
      call = source.read();
      AgentCall parsed = call;
      CallRecorder.Call recorded = recorded(agentId, connectionId, call);
      preparedAsync(agentId, connectionId, call)
          .thenCompose(
              attempt ->
                  exchangeAsync(attempt)
                      .thenCompose(
                          response ->
                              attempt.mayRetryAfter(response)
                                  ? retryAsync(attempt, agentId, connectionId, parsed)
                                  : CompletableFuture.completedFuture(response)))
          .whenComplete(
              (response, thrown) -> {
                permit.close();
                if (thrown != null) {
                  // a failure of the first stage reaches here wrapped by thenCompose
                  Throwable failure =
                      thrown instanceof CompletionException wrapped && wrapped.getCause() != null
                          ? wrapped.getCause()
                          : thrown;
                  String code =
                      failure instanceof ProblemException problem
                          ? problem.code().code()
                          : ProblemCode.INTERNAL_ERROR.code();
                  recorder.failed(recorded, started, code);
                  done.completeExceptionally(failure);
                  return;
                }
                ExecutionResult result = ExecutionResult.of(response);
                recorder.answered(
                    recorded, started, result.status(), result.bodyBytes(), result.truncated());
                done.complete(result);
              });
      return done;
    } catch (RuntimeException failed) {
      permit.close();
      String code =
          failed instanceof ProblemException problem
              ? problem.code().code()
              : ProblemCode.INTERNAL_ERROR.code();
      recorder.failed(recorded(agentId, connectionId, call), started, code);
      return CompletableFuture.failedFuture(failed);
    }
  }

  /** Executes an already parsed request (tests, and callers that parse themselves). */
  public ExecutionResult execute(
      String agentId, String connectionId, AgentCall call, String tokenId) {
    return execute(agentId, connectionId, () -> call, tokenId);
  }

  /**
   * One sending of an agent's request: with the credentials it carries, so that an OAuth access
   * token the API rejects can be dropped and the request sent once more with a new one.
   */
  private record Attempt(
      Connection connection, Credentials credentials, OutboundRequests.Prepared prepared) {

    /** An OAuth 2.0 call answered 401, and safe to send again (docs/api.md). */
    boolean mayRetryAfter(UpstreamResponse response) {
      return response.status() == 401
          && connection.authType() == AuthType.OAUTH2_CLIENT_CREDENTIALS
          && OutboundRequests.retriableAfterRejection(prepared.request());
    }
  }

  /** The agent's request through the connection, which must exist and be enabled on the agent. */
  private Attempt prepared(String agentId, String connectionId, AgentCall call) {
    EnabledConnections.Ready ready = ready(agentId, connectionId);
    return attempt(
        ready.connection(), tokens.forCall(ready.connection(), ready.credentials()), call);
  }

  /**
   * {@link #prepared} for the non-blocking executor: an OAuth access token that must first be
   * fetched is waited for by no thread (a hanging authorization server would otherwise hold one
   * request thread per call).
   */
  private CompletableFuture<Attempt> preparedAsync(
      String agentId, String connectionId, AgentCall call) {
    EnabledConnections.Ready ready = ready(agentId, connectionId);
    return tokens
        .forCallAsync(ready.connection(), ready.credentials(), retries)
        .thenApply(credentials -> attempt(ready.connection(), credentials, call));
  }

  private EnabledConnections.Ready ready(String agentId, String connectionId) {
    return enabled
        .find(agentId, connectionId)
        .orElseGet(() -> EnabledConnections.Ready.of(explainNotEnabled(agentId, connectionId)));
  }

  private Attempt attempt(Connection connection, Credentials credentials, AgentCall call) {
    return new Attempt(
        connection,
        credentials,
        OutboundRequests.agentCall(connection, credentials, call, configuration.maxRequestBytes()));
  }

  private UpstreamResponse exchange(Attempt attempt) {
    return upstream.exchange(
        attempt.prepared().request(),
        new ResponseReader(configuration.maxResponseBytes()),
        attempt.prepared().redactor());
  }

  private CompletableFuture<UpstreamResponse> exchangeAsync(Attempt attempt) {
    return nonBlocking
        .get()
        .call(
            attempt.prepared().request(),
            new ResponseReader(configuration.maxResponseBytes()),
            attempt.prepared().redactor());
  }

  /**
   * The second sending after a 401: a new token may have to be fetched, which waits for the token
   * endpoint, so it is not done on the I/O thread that delivered the 401.
   */
  private CompletableFuture<UpstreamResponse> retryAsync(
      Attempt rejected, String agentId, String connectionId, AgentCall call) {
    tokens.rejected(rejected.connection(), rejected.credentials());
    return CompletableFuture.supplyAsync(() -> prepared(agentId, connectionId, call), retries)
        .thenCompose(this::exchangeAsync);
  }

  /** The connection, when it exists and is enabled on the agent (404 / 403 otherwise). */
  public Connection enabledConnection(String agentId, String connectionId) {
    return agents
        .findEnabledConnection(agentId, connectionId)
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

  private static CallRecorder.Call recorded(String agentId, String connectionId, AgentCall call) {
    return new CallRecorder.Call(
        ActivityEntry.Kind.REQUEST,
        agentId,
        connectionId,
        call == null ? null : call.method(),
        call == null ? null : call.path());
  }
}
