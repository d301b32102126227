package com.opstower.execution.control;

import com.opstower.connection.entity.Connection;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.oauth.TokenAnswer;
import com.opstower.execution.oauth.TokenRequest;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.WaitedExchange;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * The access tokens of OAuth 2.0 connections (docs/api.md "OAuth 2.0 client credentials"): fetched
 * through the egress policy and deadline like any outbound call, kept in this instance's memory
 * (never stored, never logged) until shortly before they expire, and fetched once for all the calls
 * that need one at the same moment. A change of the connection (a new secret, scope or token URL
 * moves its version) means a new token.
 */
@ApplicationScoped
public class AccessTokens {

  /** The most of a token's life given up so that no call goes out with a token about to expire. */
  static final Duration EARLY = Duration.ofSeconds(30);

  /** The answer of a token endpoint is small; more is not read. */
  static final int ANSWER_BYTES = 64 * 1024;

  @Inject WaitedExchange upstream;

  Clock clock = Clock.systemUTC();

  /** One token per connection: for the connection's version it was fetched for. */
  private record Issued(long version, Credentials credentials, Instant renewAt) {}

  private final ConcurrentMap<String, CompletableFuture<Issued>> tokens = new ConcurrentHashMap<>();

  /**
   * The credentials to call with: {@code base} itself for every auth type but OAuth 2.0, else with
   * a current access token (fetched now if there is none).
   *
   * @throws ProblemException naming the fault when no token could be had ({@link
   *     com.opstower.execution.oauth.TokenRequestFailed} when the server refused)
   */
  public Credentials forCall(Connection connection, Credentials base) {
    if (!base.needsAccessToken()) {
      return base;
    }
    while (true) {
      CompletableFuture<Issued> mine = new CompletableFuture<>();
      CompletableFuture<Issued> current =
          tokens.compute(connection.id(), (id, kept) -> usable(kept, connection) ? kept : mine);
      if (current == mine) {
        try {
          mine.complete(fetch(connection, base));
        } catch (RuntimeException failed) {
          tokens.remove(connection.id(), mine);
          mine.completeExceptionally(failed);
          throw failed;
        }
      }
      Issued issued = await(current);
      if (issued.version() == connection.version()) {
        return issued.credentials();
      }
    }
  }

  /**
   * The API answered 401 to {@code used}: that token is dropped (if it is still the kept one), so
   * the next {@link #forCall} fetches a new one.
   */
  public void rejected(Connection connection, Credentials used) {
    tokens.computeIfPresent(
        connection.id(),
        (id, kept) ->
            kept.isDone() && !kept.isCompletedExceptionally() && kept.join().credentials() == used
                ? null
                : kept);
  }

  /** A fresh token, not kept (Test Connection tests the token request itself). */
  public Credentials fresh(Connection connection, Credentials base) {
    return base.needsAccessToken() ? fetch(connection, base).credentials() : base;
  }

  /** Forgets the token of a connection (it was changed or deleted). */
  public void forget(String connectionId) {
    tokens.remove(connectionId);
  }

  private boolean usable(CompletableFuture<Issued> kept, Connection connection) {
    if (kept == null) {
      return false;
    }
    if (!kept.isDone()) {
      return true; // being fetched: wait for it
    }
    if (kept.isCompletedExceptionally()) {
      return false;
    }
    Issued issued = kept.join();
    return issued.version() == connection.version() && clock.instant().isBefore(issued.renewAt());
  }

  private Issued fetch(Connection connection, Credentials base) {
    TokenRequest.Prepared request = TokenRequest.of(connection);
    TokenAnswer answer =
        TokenAnswer.of(
            upstream.exchange(
                request.request(), new ResponseReader(ANSWER_BYTES), request.redactor()));
    Duration lifetime = answer.lifetime();
    Duration early = lifetime.dividedBy(2).compareTo(EARLY) < 0 ? lifetime.dividedBy(2) : EARLY;
    return new Issued(
        connection.version(),
        base.withAccessToken(answer.accessToken()),
        clock.instant().plus(lifetime).minus(early));
  }

  private static Issued await(CompletableFuture<Issued> future) {
    try {
      return future.get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for an access token");
    }
  }
}
