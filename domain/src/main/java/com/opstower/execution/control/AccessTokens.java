package com.opstower.execution.control;

import com.opstower.cluster.Instances;
import com.opstower.cluster.SharedValues;
import com.opstower.connection.entity.Connection;
import com.opstower.crypto.control.CipherRegistry;
import com.opstower.crypto.control.CredentialCipher;
import com.opstower.crypto.entity.SecretBinding;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.oauth.SharedToken;
import com.opstower.execution.oauth.TokenAnswer;
import com.opstower.execution.oauth.TokenRequest;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.WaitedExchange;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The access tokens of OAuth 2.0 connections (docs/api.md "OAuth 2.0 client credentials"): fetched
 * through the egress policy and deadline like any outbound call, kept in this instance's memory
 * (never stored, never logged) until shortly before they expire, and fetched once for all the calls
 * that need one at the same moment. A change of the connection (a new secret, scope or token URL
 * moves its version) means a new token.
 *
 * <p>With several instances the token is also shared ({@link #shared}): sealed with the credential
 * key, bound to its connection, in the cluster's map, so an instance that has none takes the one
 * another instance fetched instead of asking the authorization server again.
 */
@ApplicationScoped
public class AccessTokens {

  /** The most of a token's life given up so that no call goes out with a token about to expire. */
  static final Duration EARLY = Duration.ofSeconds(30);

  /** The answer of a token endpoint is small; more is not read. */
  static final int ANSWER_BYTES = 64 * 1024;

  /** The cluster's map of access tokens, by connection id. */
  static final String SHARED_MAP = "opstower-access-tokens";

  /** What a shared token is sealed for: no column holds it, so the name cannot be confused. */
  static final String SEALED_FIELD = "oauth_access_token";

  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

  @Inject WaitedExchange upstream;

  @Inject ExecutorConfiguration configuration;

  @Inject Instances instances;

  /** The tokens the instances share; {@code null} when this instance runs alone. */
  SharedValues shared;

  /** How long a call waits for a token another call is fetching: the fetch's own deadline. */
  Duration waitLimit = Duration.ofSeconds(15);

  @jakarta.annotation.PostConstruct
  void limits() {
    if (configuration != null) {
      waitLimit = configuration.timeout().plusSeconds(1);
    }
    if (instances != null && instances.isClustered()) {
      shared = instances.values(SHARED_MAP);
    }
  }

  Clock clock = Clock.systemUTC();

  /**
   * One token per connection: for the connection's version it was fetched for, and the value it is
   * shared as ({@code null} when not shared).
   */
  private record Issued(long version, Credentials credentials, Instant renewAt, long[] sharedAs) {}

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
          mine.complete(
              sharedBy(connection, base).orElseGet(() -> fetchAndShare(connection, base)));
        } catch (Throwable failed) {
          // whatever went wrong (an Error too): never leave a fetch that looks under way for good
          tokens.remove(connection.id(), mine);
          mine.completeExceptionally(failed);
          throw failed;
        }
      }
      Issued issued = await(current, waitLimit);
      if (issued.version() == connection.version()) {
        return issued.credentials();
      }
    }
  }

  /**
   * {@link #forCall} as a stage, for a call that must not hold its thread (an agent call on the
   * non-blocking executor): complete at once when no token is needed or a usable one is kept;
   * otherwise the token is fetched on {@code fetcher}, once for all the calls that need it, and no
   * thread waits for it. A hanging authorization server then holds one {@code fetcher} thread, not
   * one request thread per waiting call.
   *
   * <p>The stage fails with the same {@link ProblemException} {@link #forCall} throws.
   */
  public CompletableFuture<Credentials> forCallAsync(
      Connection connection, Credentials base, Executor fetcher) {
    if (!base.needsAccessToken()) {
      return CompletableFuture.completedFuture(base);
    }
    CompletableFuture<Issued> mine = new CompletableFuture<>();
    CompletableFuture<Issued> current =
        tokens.compute(connection.id(), (id, kept) -> usable(kept, connection) ? kept : mine);
    if (current == mine) {
      try {
        fetcher.execute(() -> fetchInto(mine, connection, base));
      } catch (RuntimeException refused) {
        tokens.remove(connection.id(), mine);
        mine.completeExceptionally(refused);
      }
    }
    return current
        .copy() // the timeout is this call's; the shared fetch goes on for the others
        .orTimeout(waitLimit.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> {
              throw waitFailure(failure);
            })
        .thenCompose(
            issued ->
                issued.version() == connection.version()
                    ? CompletableFuture.completedFuture(issued.credentials())
                    : forCallAsync(connection, base, fetcher));
  }

  /** Completes {@code mine} with a token; a failure reaches every call waiting for it. */
  private void fetchInto(CompletableFuture<Issued> mine, Connection connection, Credentials base) {
    try {
      mine.complete(sharedBy(connection, base).orElseGet(() -> fetchAndShare(connection, base)));
    } catch (Throwable failed) {
      tokens.remove(connection.id(), mine);
      mine.completeExceptionally(failed);
    }
  }

  /** What a call that waited for a token is told, like {@link #await}. */
  private static RuntimeException waitFailure(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException) {
      return tokenTimeout();
    }
    if (cause instanceof RuntimeException problem) {
      return problem;
    }
    return new ProblemException(
        ProblemCode.INTERNAL_ERROR, "Getting an access token failed inside OpsTower.");
  }

  private static ProblemException tokenTimeout() {
    return new ProblemException(
        ProblemCode.UPSTREAM_TIMEOUT,
        "The authorization server did not issue an access token in time.");
  }

  /**
   * The API answered 401 to {@code used}: that token is dropped (if it is still the kept one), so
   * the next {@link #forCall} fetches a new one.
   */
  public void rejected(Connection connection, Credentials used) {
    CompletableFuture<Issued> kept = tokens.get(connection.id());
    if (kept != null
        && kept.isDone()
        && !kept.isCompletedExceptionally()
        && kept.join().credentials() == used
        && tokens.remove(connection.id(), kept)) {
      long[] sharedAs = kept.join().sharedAs();
      if (shared != null && sharedAs != null) {
        shared.remove(connection.id(), sharedAs); // unless another instance has a newer one
      }
    }
  }

  /** A fresh token, not kept (Test Connection tests the token request itself). */
  public Credentials fresh(Connection connection, Credentials base) {
    return base.needsAccessToken() ? fetch(connection, base).credentials() : base;
  }

  /** A deleted connection's token (and the client secret in its redactor) is not kept. */
  void forget(
      @jakarta.enterprise.event.Observes
          com.opstower.connection.control.ConnectionDeleted deleted) {
    tokens.remove(deleted.connectionId());
    if (shared != null) {
      long[] kept = shared.get(deleted.connectionId());
      if (kept != null) {
        shared.remove(deleted.connectionId(), kept);
      }
    }
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
    TokenAnswer answer = request(connection);
    return new Issued(
        connection.version(),
        base.withAccessToken(answer.accessToken()),
        renewAt(answer.lifetime()),
        null);
  }

  private Issued fetchAndShare(Connection connection, Credentials base) {
    TokenAnswer answer = request(connection);
    Instant renewAt = renewAt(answer.lifetime());
    return new Issued(
        connection.version(),
        base.withAccessToken(answer.accessToken()),
        renewAt,
        share(connection, answer.accessToken(), renewAt));
  }

  private TokenAnswer request(Connection connection) {
    TokenRequest.Prepared request = TokenRequest.of(connection);
    return TokenAnswer.of(
        upstream.exchange(request.request(), new ResponseReader(ANSWER_BYTES), request.redactor()));
  }

  private Instant renewAt(Duration lifetime) {
    Duration early = lifetime.dividedBy(2).compareTo(EARLY) < 0 ? lifetime.dividedBy(2) : EARLY;
    return clock.instant().plus(lifetime).minus(early);
  }

  /** The token another instance fetched for this version of the connection, while still usable. */
  private Optional<Issued> sharedBy(Connection connection, Credentials base) {
    if (shared == null) {
      return Optional.empty();
    }
    long[] values = shared.get(connection.id());
    Optional<SharedToken> token = SharedToken.of(values);
    if (token.isEmpty()
        || token.get().version() != connection.version()
        || clock.millis() >= token.get().renewAtMillis()) {
      return Optional.empty();
    }
    try {
      CredentialCipher.Opened opened =
          CipherRegistry.current().open(token.get().sealed(), SEALED_FIELD);
      if (!connection.id().equals(opened.binding().ownerId())) {
        return Optional.empty(); // sealed for another connection: not this one's token
      }
      return Optional.of(
          new Issued(
              connection.version(),
              base.withAccessToken(opened.plaintext()),
              Instant.ofEpochMilli(token.get().renewAtMillis()),
              values));
    } catch (RuntimeException unreadable) {
      // another key, damaged: fetch a new one, which replaces it
      LOG.fine(() -> "A shared access token could not be used: " + unreadable.getClass());
      return Optional.empty();
    }
  }

  /** Offers a new token to the other instances; the value it is shared as, or {@code null}. */
  private long[] share(Connection connection, String accessToken, Instant renewAt) {
    if (shared == null) {
      return null;
    }
    try {
      String sealed =
          CipherRegistry.current()
              .seal(accessToken, SEALED_FIELD, SecretBinding.ownerOnly(connection.id()));
      Optional<long[]> values =
          new SharedToken(connection.version(), renewAt.toEpochMilli(), sealed).toValues();
      if (values.isEmpty()) {
        return null;
      }
      for (int attempt = 0; attempt < 3; attempt++) {
        long[] current = shared.get(connection.id());
        Optional<SharedToken> other = SharedToken.of(current);
        if (other.isPresent() && other.get().version() > connection.version()) {
          return null; // another instance already serves a newer version of the connection
        }
        boolean stored =
            current == null
                ? shared.putIfAbsent(connection.id(), values.get())
                : shared.replace(connection.id(), current, values.get());
        if (stored) {
          return values.get();
        }
      }
    } catch (RuntimeException notShared) {
      // the cluster's map is unreachable: this instance still has its token
      LOG.warning(() -> "An access token could not be shared: " + notShared.getClass().getName());
    }
    return null;
  }

  private static Issued await(CompletableFuture<Issued> future, Duration limit) {
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      throw tokenTimeout();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new ProblemException(
          ProblemCode.INTERNAL_ERROR, "Getting an access token failed inside OpsTower.");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for an access token");
    }
  }
}
