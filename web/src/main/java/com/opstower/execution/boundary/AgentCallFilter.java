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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
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

  /** How long past twice the call's deadline the safety net waits: it should never fire. */
  private static final long SAFETY_MARGIN_MILLIS = 30_000;

  @Inject TokenService tokens;

  @Inject AgentRuntime runtime;

  @Inject ExecutorConfiguration configuration;

  @Inject AnswerSafetyNet safetyNet;

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
    try {
      Optional<CallerToken> caller = caller(request);
      if (caller.isEmpty()) {
        write(response, BearerAuthentication.unauthorized());
        return;
      }
      if (!caller.get().scopes().contains(Scope.AGENT)) {
        write(response, ScopeCheck.forbidden(Scope.AGENT));
        return;
      }
      Duration lastResort =
          configuration.timeout().multipliedBy(2).plusMillis(SAFETY_MARGIN_MILLIS);
      AsyncContext async = request.startAsync();
      AtomicBoolean answered = new AtomicBoolean();
      async.addListener(new Unanswered(answered, response));
      answer(
          started(path.get(), caller.get(), request),
          response,
          async,
          answered,
          safetyNet(lastResort, answered, response, async));
    } catch (RuntimeException failed) {
      // e.g. the database is away on a token the cache does not hold: a problem document, as
      // JAX-RS answers it, never the container's error page
      if (!request.isAsyncStarted() && !response.isCommitted()) {
        write(response, problemFor(failed));
      } else {
        throw failed;
      }
    }
  }

  /**
   * The caller the one {@code Authorization} header names. Two of them are no valid credential
   * (JAX-RS joins them with a comma, which no token matches): 401 on both paths.
   */
  private Optional<CallerToken> caller(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders("Authorization");
    String authorization =
        headers != null && headers.hasMoreElements() ? headers.nextElement() : null;
    if (headers != null && headers.hasMoreElements()) {
      return Optional.empty();
    }
    return BearerAuthentication.caller(authorization, tokens);
  }

  /**
   * Arms the safety net and turns the container's timeout off (see {@link AnswerSafetyNet}); when
   * the net cannot be armed (the application is stopping) the container's timeout stays the last
   * resort, so no request is ever left without one.
   */
  private Future<?> safetyNet(
      Duration lastResort,
      AtomicBoolean answered,
      HttpServletResponse response,
      AsyncContext async) {
    try {
      Future<?> net = safetyNet.arm(lastResort, () -> answerLate(answered, response, async));
      async.setTimeout(0);
      return net;
    } catch (RuntimeException stopping) {
      async.setTimeout(lastResort.toMillis());
      return CompletableFuture.completedFuture(null);
    }
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
      AtomicBoolean answered,
      Future<?> safetyNet) {
    call.whenComplete(
        (result, thrown) -> {
          safetyNet.cancel(false);
          if (!answered.compareAndSet(false, true)) {
            return; // the safety net answered, or the container ended the request
          }
          try {
            writeAnswer(response, result, thrown);
          } finally {
            completeQuietly(async);
          }
        });
  }

  /** The answer, or a problem document; a failure to write it is logged, never lost silently. */
  private static void writeAnswer(
      HttpServletResponse response, ExecutionResult result, Throwable thrown) {
    try {
      if (thrown == null) {
        Utf8Buffer body = ExecutionResultWriter.utf8(result);
        response.setStatus(200);
        response.setContentType(JSON);
        response.setContentLength(body.length());
        // No setBufferSize: Payara only ever grows the response buffer (8 KB), so it did nothing
        // for a small answer and made a big one be copied into a buffer of its size; an answer
        // longer than the buffer is written from this array as it is, the length being known.
        response.getOutputStream().write(body.array(), 0, body.length());
      } else {
        write(response, problemFor(thrown));
      }
    } catch (IOException gone) {
      // the caller went away: nothing left to tell it
      LOG.fine(() -> "An agent call's answer could not be sent: " + gone);
    } catch (RuntimeException | Error failed) {
      if (response.isCommitted()) {
        LOG.log(Level.SEVERE, "An agent call's answer broke off while being written", failed);
        return;
      }
      try {
        response.reset();
        HardeningHeaders.ALL.forEach(response::setHeader);
        write(response, ProblemMappers.ForEverythingElse.internalError(failed)); // logs it
      } catch (IOException | RuntimeException alsoFailed) {
        LOG.fine(() -> "Nor could the internal-error answer be sent: " + alsoFailed);
      }
    }
  }

  private static void completeQuietly(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException alreadyEnded) {
      LOG.fine(() -> "An agent call's request had already ended: " + alreadyEnded);
    }
  }

  /** The problem document JAX-RS's mappers give {@code thrown} (unwrapped from a stage). */
  private static Response problemFor(Throwable thrown) {
    Throwable failure =
        thrown instanceof CompletionException wrapped && wrapped.getCause() != null
            ? wrapped.getCause()
            : thrown;
    if (failure instanceof ProblemException problem) {
      return new ProblemMappers.ForProblems().toResponse(problem);
    }
    if (failure instanceof jakarta.json.JsonException invalid) {
      return new ProblemMappers.ForJson().toResponse(invalid);
    }
    if (failure instanceof jakarta.json.bind.JsonbException invalid) {
      return new ProblemMappers.ForJsonb().toResponse(invalid);
    }
    if (failure instanceof jakarta.persistence.OptimisticLockException conflict) {
      return new ProblemMappers.ForOptimisticLock().toResponse(conflict);
    }
    if (failure instanceof jakarta.ws.rs.WebApplicationException web) {
      return new ProblemMappers.ForWebApplication().toResponse(web);
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

  /** The last resort fired: a call that outlived any deadline is answered 504. */
  private static void answerLate(
      AtomicBoolean answered, HttpServletResponse response, AsyncContext async) {
    if (answered.compareAndSet(false, true)) {
      LOG.warning("An agent call outlived its deadline and was answered 504.");
      try {
        write(
            response,
            new ProblemMappers.ForProblems()
                .toResponse(
                    new ProblemException(
                        ProblemCode.UPSTREAM_TIMEOUT,
                        "The call did not finish within its deadline.")));
      } catch (IOException | RuntimeException gone) {
        LOG.fine(() -> "The 504 could not be sent: " + gone);
      } finally {
        completeQuietly(async);
      }
    }
  }

  /**
   * The container's timeout, the last resort only when the safety net could not be armed: answered
   * 504 like the net's. A request the container ends itself (the caller went away, an error) is
   * never written to afterwards.
   */
  private record Unanswered(AtomicBoolean answered, HttpServletResponse response)
      implements AsyncListener {

    @Override
    public void onTimeout(AsyncEvent event) {
      answerLate(answered, response, event.getAsyncContext());
    }

    @Override
    public void onComplete(AsyncEvent event) {
      answered.set(true);
    }

    @Override
    public void onError(AsyncEvent event) {
      if (answered.compareAndSet(false, true)) {
        completeQuietly(event.getAsyncContext());
      }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
