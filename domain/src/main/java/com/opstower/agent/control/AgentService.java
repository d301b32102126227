package com.opstower.agent.control;

import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import com.opstower.connection.control.ConnectionDeleted;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.control.ToolRenamed;
import com.opstower.connection.entity.Connection;
import com.opstower.persistence.Timestamps;
import com.opstower.persistence.UniqueViolation;
import com.opstower.problem.NotFound;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates and changes agents and decides which connections each may call. */
@ApplicationScoped
@Transactional
public class AgentService {

  @PersistenceContext EntityManager em;

  @Inject ConnectionService connections;

  @Inject Event<AgentDeleted> deleted;

  /**
   * A new agent. Its name must be unique ignoring case: a duplicate is a {@code conflict} naming
   * the agent that has it (the database's UNIQUE {@code name_key} decides between two simultaneous
   * requests).
   */
  public Agent create(AgentDraft draft) {
    return create(draft, Set.of());
  }

  /**
   * A new agent that may call the {@code enabled} connections from the start, in one transaction.
   * Ids of connections that no longer exist are skipped: there is nothing left to enable.
   */
  public Agent create(AgentDraft draft, Set<String> enabled) {
    Valid valid = validate(draft, null);
    Instant now = Timestamps.now();
    Agent agent = new Agent(valid.name(), valid.type(), valid.description(), now);
    existing(enabled).forEach(e -> agent.enableConnection(e.id(), e.connection().toolName(), now));
    em.persist(agent);
    flush(valid.name());
    return agent;
  }

  public Agent update(String id, AgentDraft draft) {
    return update(id, draft, Set.of(), Set.of());
  }

  /**
   * Saves the details and the connection choice of one form together, or nothing. Of the {@code
   * shown} connections (those the form listed), the {@code enabled} ones are enabled and the others
   * disabled; connections the form did not show keep their state, and enabled ids of connections
   * deleted meanwhile are skipped.
   */
  public Agent update(String id, AgentDraft draft, Set<String> shown, Set<String> enabled) {
    Agent agent = get(id);
    Valid valid = validate(draft, id);
    Instant now = Timestamps.now();
    agent.describe(valid.name(), valid.type(), valid.description(), now);
    for (String connectionId : shown) {
      if (!enabled.contains(connectionId)) {
        agent.disableConnection(connectionId, now);
      }
    }
    existing(enabled).stream()
        .filter(e -> shown.contains(e.id()))
        .forEach(e -> agent.enableConnection(e.id(), e.connection().toolName(), now));
    flush(valid.name());
    return agent;
  }

  private void flush(String name) {
    try {
      em.flush();
    } catch (PersistenceException refused) {
      if (UniqueViolation.in(refused)) {
        throw duplicate(name);
      }
      throw refused;
    }
  }

  /** Removes the agent; the tokens bound to it are revoked in the same transaction. */
  public void delete(String id) {
    Agent agent = get(id);
    deleted.fire(new AgentDeleted(agent.id(), Timestamps.now()));
    em.remove(agent);
  }

  public void enableConnection(String id, String connectionId) {
    Agent agent = get(id);
    Connection connection = connections.get(connectionId);
    agent.enableConnection(connectionId, connection.toolName(), Timestamps.now());
  }

  /**
   * The connections of {@code ids} that exist, oldest first: enabled together in one save, the
   * oldest keeps a shared tool name, whatever order the form sent them in.
   */
  private List<Enabling> existing(Set<String> ids) {
    return ids.stream()
        .flatMap(id -> connections.find(id).map(c -> new Enabling(id, c)).stream())
        .sorted(
            Comparator.comparing((Enabling e) -> e.connection().createdAt())
                .thenComparing(Enabling::id))
        .toList();
  }

  private record Enabling(String id, Connection connection) {}

  /**
   * A connection's tool was renamed on request: every agent that has it follows (keeping the name
   * unique on that agent), in the renaming transaction.
   */
  public void followRenamedTool(@Observes ToolRenamed renamed) {
    usingConnection(renamed.connectionId())
        .forEach(
            agent -> agent.renameTool(renamed.connectionId(), renamed.toolName(), renamed.at()));
  }

  public void disableConnection(String id, String connectionId) {
    get(id).disableConnection(connectionId, Timestamps.now());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Agent> find(String id) {
    return Optional.ofNullable(id).map(key -> em.find(Agent.class, key));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Agent get(String id) {
    return find(id).orElseThrow(() -> NotFound.of("agent", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Agent> list() {
    return em.createNamedQuery(Agent.FIND_ALL, Agent.class).getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Agent> usingConnection(String connectionId) {
    return em.createNamedQuery(Agent.FIND_USING_CONNECTION, Agent.class)
        .setParameter("connectionId", connectionId)
        .getResultList();
  }

  /**
   * The connection when it exists and is enabled on the agent, in one query: this lookup is on the
   * path of every agent call, where loading the agent with its connection list and then the
   * connection cost three statements.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Connection> findEnabledConnection(String agentId, String connectionId) {
    if (agentId == null || connectionId == null) {
      return Optional.empty();
    }
    return em
        .createNamedQuery(Agent.FIND_ENABLED_CONNECTION, Connection.class)
        .setParameter("connectionId", connectionId)
        .setParameter("agentId", agentId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * A deleted connection is disabled on every agent that had it, in the deleting transaction (the
   * event is delivered synchronously, before the connection's row is removed).
   */
  public void disableDeletedConnection(@Observes ConnectionDeleted deleted) {
    String connectionId = deleted.connectionId();
    usingConnection(connectionId)
        .forEach(agent -> agent.disableConnection(connectionId, deleted.deletedAt()));
  }

  private record Valid(String name, AgentType type, String description) {}

  private Valid validate(AgentDraft draft, String ownId) {
    List<FieldError> errors = new ArrayList<>();
    String name = draft.name() == null ? "" : draft.name().trim();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "Enter a name for the agent."));
    } else if (name.length() > Agent.NAME_MAX) {
      errors.add(new FieldError("name", "Use at most " + Agent.NAME_MAX + " characters."));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "Remove control characters from the name."));
    }
    Optional<AgentType> type = AgentType.fromWire(draft.type());
    if (type.isEmpty()) {
      errors.add(
          new FieldError("type", "Choose one of: analyst, debugger, product_manager, custom."));
    }
    String description =
        draft.description() == null || draft.description().isBlank()
            ? null
            : draft.description().trim();
    if (description != null && description.length() > Agent.DESCRIPTION_MAX) {
      errors.add(
          new FieldError("description", "Use at most " + Agent.DESCRIPTION_MAX + " characters."));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST, "The agent is not valid; see errors.", errors);
    }
    Optional<Agent> holder =
        em
            .createNamedQuery(Agent.FIND_BY_NAME_KEY, Agent.class)
            .setParameter("key", Agent.nameKey(name))
            .getResultList()
            .stream()
            .filter(other -> !other.id().equals(ownId))
            .findFirst();
    if (holder.isPresent()) {
      throw duplicate(holder.get().name());
    }
    return new Valid(name, type.orElseThrow(), description);
  }

  /** 409 naming the agent that already has the name; the field error is for the form. */
  static ProblemException duplicate(String existingName) {
    return new ProblemException(
        ProblemCode.CONFLICT,
        "An agent named '"
            + existingName
            + "' already exists (names are compared ignoring case); choose another name.",
        List.of(
            new FieldError(
                "name",
                "An agent named '"
                    + existingName
                    + "' already exists; names are compared ignoring case.")));
  }
}
