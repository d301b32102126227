package com.opstower.agent.entity;

import com.opstower.persistence.CachedEntityListener;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An OpsTower AI agent and the connections it may call. Names are unique ignoring case: {@code
 * name_key} holds the lower-cased name under a UNIQUE constraint and is kept in step by {@link
 * #describe}.
 */
@Entity
@EntityListeners(CachedEntityListener.class)
@Table(name = "agents")
@NamedQuery(name = Agent.FIND_ALL, query = "SELECT a FROM Agent a ORDER BY a.name")
@NamedQuery(name = Agent.FIND_BY_NAME_KEY, query = "SELECT a FROM Agent a WHERE a.nameKey = :key")
@NamedQuery(
    name = Agent.FIND_USING_CONNECTION,
    query = "SELECT a FROM Agent a WHERE :connectionId MEMBER OF a.connectionIds ORDER BY a.name")
@NamedQuery(
    name = Agent.FIND_ENABLED_CONNECTION,
    query =
        "SELECT c FROM Connection c, Agent a WHERE c.id = :connectionId AND a.id = :agentId"
            + " AND :connectionId MEMBER OF a.connectionIds",
    // read-only: an agent call never changes the connection it uses
    hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
public class Agent {

  public static final String FIND_ALL = "Agent.findAll";
  public static final String FIND_BY_NAME_KEY = "Agent.findByNameKey";
  public static final String FIND_USING_CONNECTION = "Agent.findUsingConnection";

  /** The connection {@code :connectionId} if it is enabled on agent {@code :agentId}. */
  public static final String FIND_ENABLED_CONNECTION = "Agent.findEnabledConnection";

  public static final int NAME_MAX = 100;
  public static final int DESCRIPTION_MAX = 2000;

  /** Lower-casing can lengthen a name (e.g. U+0130 becomes two chars), so the key has room. */
  public static final int NAME_KEY_MAX = 2 * NAME_MAX;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, unique = true, length = NAME_MAX)
  private String name;

  /** {@link #nameKey(String)} of {@link #name}. */
  @Column(name = "name_key", nullable = false, unique = true, length = NAME_KEY_MAX)
  private String nameKey;

  @Column(nullable = false, length = 32)
  private AgentType type;

  @Column(length = DESCRIPTION_MAX)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agent_connections", joinColumns = @JoinColumn(name = "agent_id"))
  @Column(name = "connection_id", length = 36)
  private Set<String> connectionIds = new TreeSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Agent() {}

  public Agent(String name, AgentType type, String description, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.createdAt = now;
    describe(name, type, description, now);
  }

  public void describe(String name, AgentType type, String description, Instant now) {
    this.name = Objects.requireNonNull(name);
    this.nameKey = nameKey(name);
    this.type = Objects.requireNonNull(type);
    this.description = description;
    this.updatedAt = now;
  }

  /** Idempotent: enabling an enabled connection changes nothing. */
  public void enableConnection(String connectionId, Instant now) {
    if (connectionIds.add(connectionId)) {
      updatedAt = now;
    }
  }

  public void disableConnection(String connectionId, Instant now) {
    if (connectionIds.remove(connectionId)) {
      updatedAt = now;
    }
  }

  /** What two agents' names must not share: the name, lower-cased. */
  public static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public boolean isEnabled(String connectionId) {
    return connectionIds.contains(connectionId);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String nameKey() {
    return nameKey;
  }

  public AgentType type() {
    return type;
  }

  public String description() {
    return description;
  }

  public Set<String> connectionIds() {
    return Collections.unmodifiableSet(new TreeSet<>(connectionIds));
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Agent that && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
