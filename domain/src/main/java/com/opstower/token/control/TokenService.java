package com.opstower.token.control;

import com.opstower.agent.control.AgentDeleted;
import com.opstower.agent.control.AgentService;
import com.opstower.persistence.ChangeGeneration;
import com.opstower.persistence.GenerationCache;
import com.opstower.persistence.Timestamps;
import com.opstower.persistence.UniqueViolation;
import com.opstower.problem.NotFound;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, checks and revokes API tokens. Token values are never stored, only their hashes. */
@ApplicationScoped
@Transactional
public class TokenService {

  /** A token as created: the only moment its value exists outside the caller's hands. */
  public record IssuedToken(ApiToken token, String value) {
    @Override
    public String toString() {
      return "IssuedToken[" + token.id() + "]";
    }
  }

  @PersistenceContext EntityManager em;

  @Inject TokenUse use;

  @Inject ChangeGeneration generation;

  @Inject AgentService agents;

  /** Live tokens by hash, until a token, agent or connection changes. */
  private GenerationCache<String, ApiToken> live;

  /** Live tokens kept in memory; far more than are in use at once. */
  static final int MAX_KEPT = 10_000;

  @PostConstruct
  void start() {
    live = new GenerationCache<>(generation, MAX_KEPT);
  }

  /**
   * A new token with a fresh value. Its name must be unique among live tokens, ignoring case: a
   * duplicate is a {@code conflict} naming the token that has it. The check is repeated by the
   * database (UNIQUE {@code name_key}), which decides between two simultaneous requests.
   */
  public IssuedToken create(String name, Set<Scope> scopes) {
    return create(name, scopes, null);
  }

  /**
   * As {@link #create(String, Set)}, bound to one agent when {@code agentIdOrNull} is given
   * (docs/api.md "Agent-bound tokens"): only with the {@code agent} scope alone, and only to an
   * agent that exists.
   */
  public IssuedToken create(String name, Set<Scope> scopes, String agentIdOrNull) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > ApiToken.NAME_MAX) {
      throw invalid("name", "Enter a name of 1 to 100 characters.");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw invalid("name", "Remove control characters from the name.");
    }
    if (scopes.isEmpty()) {
      throw invalid("scopes", "Choose at least one scope: admin, agent.");
    }
    if (agentIdOrNull != null) {
      if (!scopes.equals(Set.of(Scope.AGENT))) {
        throw invalid(
            "agentId", "Only a token with the agent scope alone can be bound to an agent.");
      }
      // the id as stored, not as typed (a database may compare trailing spaces away)
      agentIdOrNull =
          agents
              .find(agentIdOrNull)
              .map(agent -> agent.id())
              .orElseThrow(() -> invalid("agentId", "There is no agent with this id."));
    }
    Optional<ApiToken> holder = findLiveByName(trimmed);
    if (holder.isPresent()) {
      throw duplicate(holder.get().name());
    }
    String value = TokenValues.generate();
    ApiToken token =
        new ApiToken(trimmed, scopes, TokenValues.hash(value), agentIdOrNull, Timestamps.now());
    try {
      em.persist(token);
      em.flush();
    } catch (PersistenceException refused) {
      if (UniqueViolation.in(refused)) {
        throw duplicate(trimmed);
      }
      throw refused;
    }
    return new IssuedToken(token, value);
  }

  /** The live token whose name equals {@code name} ignoring case. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApiToken> findLiveByName(String name) {
    return em
        .createNamedQuery(ApiToken.FIND_LIVE_BY_NAME_KEY, ApiToken.class)
        .setParameter("key", ApiToken.nameKey(name.trim()))
        .getResultList()
        .stream()
        .findFirst();
  }

  /** The live token with this id; a revoked or unknown one is {@code not-found}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ApiToken getLive(String id) {
    ApiToken token = id == null ? null : em.find(ApiToken.class, id);
    if (token == null || token.isRevoked()) {
      throw NotFound.of("token", id);
    }
    return token;
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemCode.INVALID_REQUEST,
        "The token is not valid; see errors.",
        List.of(new FieldError(field, message)));
  }

  /** 409 naming the token that already has the name; the field error is for the form. */
  static ProblemException duplicate(String existingName) {
    return new ProblemException(
        ProblemCode.CONFLICT,
        "A token named '"
            + existingName
            + "' already exists (names are compared ignoring case); choose another name.",
        List.of(
            new FieldError(
                "name",
                "A token named '"
                    + existingName
                    + "' already exists; names are compared ignoring case.")));
  }

  /**
   * Creates the configured bootstrap token when no token exists yet. Returns whether it did. Values
   * shorter than 16 characters are refused: they would be guessable.
   */
  public boolean bootstrap(String value) {
    long existing = em.createNamedQuery(ApiToken.COUNT, Long.class).getSingleResult();
    if (existing > 0) {
      return false;
    }
    if (value.length() < 16) {
      throw new IllegalStateException(
          "opstower.bootstrap.api-token is too short: use at least 16 random characters.");
    }
    em.persist(
        new ApiToken(
            "bootstrap",
            Set.of(Scope.ADMIN, Scope.AGENT),
            TokenValues.hash(value),
            Timestamps.now()));
    return true;
  }

  /**
   * The live token with this value, recording its use; empty for unknown or revoked values. Runs on
   * every API call, so it only reads, and live tokens are kept in memory until a token, agent or
   * connection changes ({@link ChangeGeneration}; a revoked token is refused at once); the last-use
   * time is written in its own short transaction at most once a minute per token ({@link
   * ApiToken#markUsed}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApiToken> authenticate(String value) {
    if (value == null || value.isEmpty() || value.length() > 512) {
      return Optional.empty();
    }
    String hash = TokenValues.hash(value);
    Optional<ApiToken> found = live.get(hash, this::findLiveByHash);
    found.ifPresent(
        token -> {
          Instant now = Timestamps.now();
          if (token.markUsed(now)) {
            use.record(token.id(), now);
          }
        });
    return found;
  }

  private Optional<ApiToken> findLiveByHash(String hash) {
    return em
        .createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
        .setParameter("hash", hash)
        .getResultList()
        .stream()
        .filter(token -> TokenValues.sameHash(token.hash(), hash))
        .filter(token -> !token.isRevoked())
        .findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiToken> listActive() {
    return em.createNamedQuery(ApiToken.FIND_ACTIVE, ApiToken.class).getResultList();
  }

  /** The live tokens bound to {@code agentId}, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiToken> listBoundTo(String agentId) {
    return em
        .createNamedQuery(ApiToken.FIND_LIVE_BOUND_TO, ApiToken.class)
        .setParameter("agentId", agentId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(ApiToken::createdAt))
        .toList();
  }

  /** A deleted agent's bound tokens are revoked with it (same transaction). */
  public void revokeBoundTokens(@Observes AgentDeleted deleted) {
    for (ApiToken token :
        em.createNamedQuery(ApiToken.FIND_LIVE_BOUND_TO, ApiToken.class)
            .setParameter("agentId", deleted.agentId())
            .getResultList()) {
      token.revoke(deleted.deletedAt());
    }
  }

  /** Revokes at once and frees the name; returns the token as revoked. */
  public ApiToken revoke(String id) {
    ApiToken token = getLive(id);
    token.revoke(Timestamps.now());
    return token;
  }
}
