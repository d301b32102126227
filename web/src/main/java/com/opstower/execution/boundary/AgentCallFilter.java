package com.opstower.execution.boundary;

import com.opstower.api.BearerAuthentication;
import com.opstower.api.CallerToken;
import com.opstower.api.ProblemMappers;
import com.opstower.api.ScopeCheck;
import com.opstower.execution.control.AgentRuntime;
import com.opstower.execution.control.ExecutionResult;
import com.opstower.execution.control.ExecutorConfiguration;
import com.opstower.http.HardeningHeaders;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.control.TokenService;
import com.opstower.token.entity.Scope;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Agent calls ({@code POST /api/v1/agents/{agentId}/connections/{connectionId}/requests}) answered
 * on the servlet's own asynchronous API, without JAX-RS: the call is the product's hot path, and
 * JAX-RS's per-request work (routing, injection, the tracing listener, the entity writer and the
 * suspended response) was about a third of its CPU (bench/README.md). The rules are the resource's,
 * from the same code: the bearer token ({@link BearerAuthentication#caller}), the {@code agent}
 * scope, the agent binding, the body cap, the problem documents ({@link ProblemMappers}) and the
 * answer ({@link ExecutionResultWriter}).
 *
 * <p>Only a plain request takes this path: {@code POST}, a path of plain segments (no
 * percent-escape, no {@code ;}), and an {@code Accept} that JSON satisfies without negotiation.
 * Anything else goes on to {@link AgentRuntimeResource}, which answers it as JAX-RS does, and which
 * also describes the call in the OpenAPI document.
 */
@WebFilter(filterName = "AgentCallFilter", urlPatterns = "/api/v1/agents/*", asyncSupported = true)
public class AgentCallFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(AgentCallFilter.class.getName());

  private static final String JSON = "application/json; charset=UTF-8";

  /** The asynchronous request's own limit, far past the call's deadline: a safety net only. */
  private static final long SAFETY_MARGIN_MILLIS = 30_000;

  @Inject TokenService tokens;

  @Inject AgentRuntime runtime;

  @Inject ExecutorConfiguration configuration;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<AgentCallPath> path = AgentCallPath.of(request);
    if (path.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    HardeningHeaders.ALL.forEach(response::setHeader);
    Optional<CallerToken> caller =
        BearerAuthentication.caller(request.getHeader("Authorization"), tokens);
    if (caller.isEmpty()) {
      write(response, BearerAuthentication.unauthorized());
      return;
    }
    if (!caller.get().scopes().contains(Scope.AGENT)) {
      write(response, ScopeCheck.forbidden(Scope.AGENT));
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(configuration.timeout().toMillis() * 2 + SAFETY_MARGIN_MILLIS);
    AtomicBoolean answered = new AtomicBoolean();
    async.addListener(new Unanswered(answered, response));
    answer(started(path.get(), caller.get(), request), response, async, answered);
  }

  private CompletionStage<ExecutionResult> started(
      AgentCallPath path, CallerToken caller, HttpServletRequest request) {
    try {
      caller.requireAgent(path.agentId());
      long limit = AgentRuntimeResource.bodyLimit(configuration);
      return runtime.executeAsync(
          path.agentId(),
          path.connectionId(),
          () -> AgentCallInput.read(body(request, limit)),
          caller.tokenId());
    } catch (RuntimeException | Error refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  private static String body(HttpServletRequest request, long limit) {
    try {
      return AgentRuntimeResource.readCapped(
          request.getInputStream(), request.getContentLengthLong(), limit);
    } catch (IOException unreadable) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST, "The request body could not be read.");
    }
  }

  private static void answer(
      CompletionStage<ExecutionResult> call,
      HttpServletResponse response,
      AsyncContext async,
      AtomicBoolean answered) {
    call.whenComplete(
        (result, thrown) -> {
          if (!answered.compareAndSet(false, true)) {
            return; // the safety net answered already
          }
          try {
            if (thrown == null) {
              ByteArrayOutputStream body = new ByteArrayOutputStream(512);
              ExecutionResultWriter.write(result, body);
              response.setStatus(200);
              response.setContentType(JSON);
              response.setContentLength(body.size());
              body.writeTo(response.getOutputStream());
            } else {
              write(response, problemFor(thrown));
            }
          } catch (IOException | RuntimeException gone) {
            // the caller went away: nothing left to tell it
            LOG.fine(() -> "An agent call's answer could not be written: " + gone);
          } finally {
            async.complete();
          }
        });
  }

  private static Response problemFor(Throwable thrown) {
    Throwable failure =
        thrown instanceof CompletionException wrapped && wrapped.getCause() != null
            ? wrapped.getCause()
            : thrown;
    if (failure instanceof ProblemException problem) {
      return new ProblemMappers.ForProblems().toResponse(problem);
    }
    return new ProblemMappers.ForEverythingElse().toResponse(failure);
  }

  /** Writes a problem document built for JAX-RS (status, its headers, its text) to the servlet. */
  static void write(HttpServletResponse response, Response problem) throws IOException {
    response.setStatus(problem.getStatus());
    problem
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                response.addHeader(name, value);
              }
            });
    byte[] body = String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The safety net: an asynchronous request that outlives any deadline is answered 504. */
  private record Unanswered(AtomicBoolean answered, HttpServletResponse response)
      implements AsyncListener {

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      if (answered.compareAndSet(false, true)) {
        LOG.warning("An agent call outlived its deadline and was answered 504.");
        write(
            response,
            new ProblemMappers.ForProblems()
                .toResponse(
                    new ProblemException(
                        ProblemCode.UPSTREAM_TIMEOUT,
                        "The call did not finish within its deadline.")));
        event.getAsyncContext().complete();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
