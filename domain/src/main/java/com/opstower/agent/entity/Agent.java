package com.opstower.agent.entity;

import com.opstower.connection.entity.ToolName;
import com.opstower.persistence.CachedEntityListener;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * The tool name this agent sees for each enabled connection, given when it was enabled: the
   * connection's tool name, or that name with {@code _2}, {@code _3}… when another connection of
   * this agent already has it. So the connection enabled first keeps the plain name, and nothing
   * renames a tool but an explicit {@link #renameTool}.
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agent_tool_names", joinColumns = @JoinColumn(name = "agent_id"))
  @MapKeyColumn(name = "connection_id", length = 36)
  @Column(name = "tool_name", length = ToolName.MAX_LENGTH)
  private Map<String, String> toolNames = new HashMap<>();

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
  /**
   * @param toolName the connection's tool name; this agent's name for it is given now (see {@link
   *     #toolNames}) unless it has one
   */
  public void enableConnection(String connectionId, String toolName, Instant now) {
    if (connectionIds.add(connectionId)) {
      updatedAt = now;
    }
    if (!toolNames.containsKey(connectionId)) {
      toolNames.put(connectionId, freeName(toolName));
      updatedAt = now;
    }
  }

  public void disableConnection(String connectionId, Instant now) {
    if (connectionIds.remove(connectionId)) {
      updatedAt = now;
    }
    toolNames.remove(connectionId);
  }

  /** The connection was renamed on request: this agent's name for it follows, if free. */
  public void renameTool(String connectionId, String toolName, Instant now) {
    if (toolNames.remove(connectionId) != null) {
      toolNames.put(connectionId, freeName(toolName));
      updatedAt = now;
    }
  }

  /**
   * Stores {@code name} for an enabled connection that has none yet (agents from before stored
   * names), or a free variant of it if another connection of this agent has it meanwhile.
   */
  public void storeToolName(String connectionId, String name, Instant now) {
    if (connectionIds.contains(connectionId) && !toolNames.containsKey(connectionId)) {
      toolNames.put(connectionId, freeName(name));
      updatedAt = now;
    }
  }

  /** The tool name this agent sees for the connection; empty when it is not enabled. */
  public Optional<String> toolName(String connectionId) {
    return Optional.ofNullable(toolNames.get(connectionId));
  }

  private String freeName(String base) {
    Collection<String> taken = toolNames.values();
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = ToolName.withSuffix(base, n);
    }
    return name;
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
