package com.opstower.agent.control;

import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import com.opstower.connection.control.ConnectionService;
import com.opstower.persistence.Timestamps;
import com.opstower.problem.NotFound;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates and changes agents and decides which connections each may call. */
@ApplicationScoped
@Transactional
public class AgentService {

  @PersistenceContext EntityManager em;

  @Inject ConnectionService connections;

  public Agent create(AgentDraft draft) {
    Valid valid = validate(draft, null);
    Agent agent = new Agent(valid.name(), valid.type(), valid.description(), Timestamps.now());
    em.persist(agent);
    em.flush();
    return agent;
  }

  public Agent update(String id, AgentDraft draft) {
    Agent agent = get(id);
    Valid valid = validate(draft, id);
    agent.describe(valid.name(), valid.type(), valid.description(), Timestamps.now());
    em.flush();
    return agent;
  }

  public void delete(String id) {
    em.remove(get(id));
  }

  public void enableConnection(String id, String connectionId) {
    Agent agent = get(id);
    connections.get(connectionId);
    agent.enableConnection(connectionId, Timestamps.now());
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
    boolean taken =
        em
            .createNamedQuery(Agent.FIND_BY_NAME, Agent.class)
            .setParameter("name", name)
            .getResultList()
            .stream()
            .anyMatch(other -> !other.id().equals(ownId));
    if (taken) {
      throw new ProblemException(
          ProblemCode.CONFLICT,
          "An agent named '" + name + "' already exists; choose another name.",
          List.of(new FieldError("name", "An agent with this name already exists.")));
    }
    return new Valid(name, type.orElseThrow(), description);
  }
}
