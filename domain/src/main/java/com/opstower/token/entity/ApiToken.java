package com.opstower.token.entity;

import com.opstower.persistence.CachedEntityListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A bearer token for {@code /api/v1}. Only the SHA-256 hash of the token value is stored; the value
 * itself is shown once, when the token is created.
 *
 * <p>Names are unique among live tokens, ignoring case: {@code name_key} holds the lower-cased name
 * under a UNIQUE constraint while the token is live and is cleared when it is revoked (NULLs never
 * collide, on HSQLDB and PostgreSQL alike), so a revoked token's name may be used again.
 */
@Entity
@EntityListeners(CachedEntityListener.class)
@Table(name = "api_tokens")
@NamedQuery(
    name = ApiToken.FIND_ACTIVE,
    query = "SELECT t FROM ApiToken t WHERE t.revokedAt IS NULL ORDER BY t.createdAt, t.name")
// read-only: authentication never changes the token it finds (TokenUse writes the last use)
@NamedQuery(
    name = ApiToken.FIND_BY_HASH,
    query = "SELECT t FROM ApiToken t WHERE t.hash = :hash",
    hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = ApiToken.COUNT, query = "SELECT COUNT(t) FROM ApiToken t")
@NamedQuery(
    name = ApiToken.FIND_LIVE_BY_NAME_KEY,
    query = "SELECT t FROM ApiToken t WHERE t.nameKey = :key AND t.revokedAt IS NULL")
@NamedQuery(
    name = ApiToken.FIND_LIVE_BOUND_TO,
    query = "SELECT t FROM ApiToken t WHERE t.agentId = :agentId AND t.revokedAt IS NULL")
@NamedQuery(
    name = ApiToken.MARK_USED,
    query = "UPDATE ApiToken t SET t.lastUsedAt = :at WHERE t.id = :id")
public class ApiToken {

  public static final String FIND_ACTIVE = "ApiToken.findActive";
  public static final String FIND_BY_HASH = "ApiToken.findByHash";
  public static final String COUNT = "ApiToken.count";
  public static final String MARK_USED = "ApiToken.markUsed";
  public static final String FIND_LIVE_BY_NAME_KEY = "ApiToken.findLiveByNameKey";
  public static final String FIND_LIVE_BOUND_TO = "ApiToken.findLiveBoundTo";
  public static final int NAME_MAX = 100;

  /** Lower-casing can lengthen a name (e.g. U+0130 becomes two chars), so the key has room. */
  public static final int NAME_KEY_MAX = 2 * NAME_MAX;

  /** Recording every use would turn each agent call into a write; once a minute is enough. */
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  /** {@link #nameKey(String)} of the name while live; null once revoked. */
  @Column(name = "name_key", length = NAME_KEY_MAX)
  private String nameKey;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String hash;

  @Column(nullable = false, length = 100)
  private String scopes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  /** The one agent whose runtime this token may use; null for a token of every agent. */
  @Column(name = "agent_id", length = 36)
  private String agentId;

  protected ApiToken() {}

  public ApiToken(String name, Set<Scope> scopes, String hash, Instant now) {
    this(name, scopes, hash, null, now);
  }

  /**
   * @param agentIdOrNull the agent the token is bound to (docs/api.md "Agent-bound tokens"); only a
   *     token with the {@code agent} scope alone can be bound
   */
  public ApiToken(String name, Set<Scope> scopes, String hash, String agentIdOrNull, Instant now) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("A token needs at least one scope");
    }
    if (agentIdOrNull != null && !scopes.equals(Set.of(Scope.AGENT))) {
      throw new IllegalArgumentException("Only an agent-scope token can be bound to an agent");
    }
    this.agentId = agentIdOrNull;
    this.id = UUID.randomUUID().toString();
    this.name = Objects.requireNonNull(name);
    this.nameKey = nameKey(name);
    this.scopes = scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(","));
    this.hash = Objects.requireNonNull(hash);
    this.createdAt = now;
  }

  /** Returns true when the stored last-use time was updated. */
  public boolean markUsed(Instant now) {
    if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
      lastUsedAt = now;
      return true;
    }
    return false;
  }

  /** Revoking frees the name for a new token. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
    nameKey = null;
  }

  /** What two names must not share among live tokens: the name, lower-cased. */
  public static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean hasScope(Scope scope) {
    return scopes().contains(scope);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The lower-cased name while live, else empty. */
  public Optional<String> nameKey() {
    return Optional.ofNullable(nameKey);
  }

  public String hash() {
    return hash;
  }

  public Set<Scope> scopes() {
    Set<Scope> result = EnumSet.noneOf(Scope.class);
    Arrays.stream(scopes.split(","))
        .map(Scope::fromWire)
        .flatMap(Optional::stream)
        .forEach(result::add);
    return result;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The agent this token is bound to; empty when it may use every agent. */
  public Optional<String> agentId() {
    return Optional.ofNullable(agentId);
  }

  /** Whether the token may use the runtime of {@code agent}: unbound, or bound to it. */
  public boolean mayUseAgent(String agent) {
    return agentId == null || agentId.equals(agent);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  @Override
  public String toString() {
    return "ApiToken[" + id + ", " + name + "]";
  }
}
