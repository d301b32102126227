package com.opstower.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.agent.entity.Agent;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agent names are unique ignoring case; one save changes the details and the listed connections
 * together.
 */
class AgentNamesAndConnectionsTest {

  private final List<Agent> agents = new ArrayList<>();
  private final Set<String> existingConnections = new java.util.HashSet<>(Set.of("c1", "c2", "c3"));
  private PersistenceException failFlushWith;
  private final AgentService service = new AgentService();

  @BeforeEach
  void wire() {
    service.em = entityManager();
    service.connections =
        new ConnectionService() {
          @Override
          public Optional<Connection> find(String id) {
            return existingConnections.contains(id)
                ? Optional.of(placeholder(id))
                : Optional.empty();
          }
        };
  }

  /** A connection labelled after {@code id}, created in the order of the ids. */
  private static Connection placeholder(String id) {
    return new Connection(
        new ConnectionDetails(
            "Conn " + id,
            BaseUrl.parse("https://api.example.com"),
            AuthType.NONE,
            null,
            null,
            null),
        null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id.hashCode() & 0xffff));
  }

  private static AgentDraft draft(String name) {
    return new AgentDraft(name, "analyst", "Reads data.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Analyst", "analyst", "ANALYST", " analyst "})
  void aNameDifferingOnlyInCaseIsAConflictNamingTheAgentThatHasIt(String again) {
    service.create(draft("Analyst"));
    ProblemException refused =
        assertThrows(ProblemException.class, () -> service.create(draft(again)));
    assertEquals(ProblemCode.CONFLICT, refused.code());
    assertEquals("conflict", refused.code().code());
    assertTrue(refused.detail().contains("'Analyst'"), refused.detail());
    assertEquals("name", refused.errors().get(0).field());
    assertEquals(1, agents.size());
  }

  @Test
  void renamingAnotherAgentToATakenNameIsAConflictButChangingOnesOwnCaseIsNot() {
    service.create(draft("Analyst"));
    Agent other = service.create(draft("Debugger"));
    assertEquals(
        ProblemCode.CONFLICT,
        assertThrows(ProblemException.class, () -> service.update(other.id(), draft("analyst")))
            .code());
    Agent renamed = service.update(other.id(), draft("DEBUGGER"));
    assertEquals("DEBUGGER", renamed.name());
    assertEquals("debugger", renamed.nameKey());
  }

  @Test
  void aDuplicateThatSlipsPastTheCheckIsAConflictToo() {
    failFlushWith =
        new PersistenceException(new SQLException("unique constraint violation", "23505"));
    assertEquals(
        ProblemCode.CONFLICT,
        assertThrows(ProblemException.class, () -> service.create(draft("Racer"))).code());
  }

  @Test
  void oneSaveChangesTheDetailsAndTheListedConnectionsTogether() {
    Agent agent = service.create(draft("Analyst"), Set.of("c1", "c2"));
    assertEquals(Set.of("c1", "c2"), agent.connectionIds());

    Agent saved =
        service.update(
            agent.id(),
            new AgentDraft("Analyst", "analyst", "A new description"),
            Set.of("c1", "c2"),
            Set.of("c2"));
    assertEquals("A new description", saved.description());
    assertEquals(Set.of("c2"), saved.connectionIds());
  }

  @Test
  void connectionsThePageDidNotListKeepTheirState() {
    Agent agent = service.create(draft("Analyst"), Set.of("c1", "c3"));
    service.update(agent.id(), draft("Analyst"), Set.of("c1", "c2"), Set.of("c2"));
    assertEquals(Set.of("c2", "c3"), agent.connectionIds(), "c3 was not on the page");
  }

  @Test
  void aConnectionDeletedMeanwhileIsSkipped() {
    Agent agent = service.create(draft("Analyst"), Set.of("c1", "gone"));
    assertEquals(Set.of("c1"), agent.connectionIds());
    service.update(agent.id(), draft("Analyst"), Set.of("c1", "gone2"), Set.of("c1", "gone2"));
    assertEquals(Set.of("c1"), agent.connectionIds());
  }

  @Test
  void refusedDetailsChangeNoConnection() {
    Agent agent = service.create(draft("Analyst"), Set.of("c1"));
    assertThrows(
        ProblemException.class,
        () -> service.update(agent.id(), draft(""), Set.of("c1", "c2"), Set.of("c2")));
    assertEquals(Set.of("c1"), agent.connectionIds());
    assertEquals("Analyst", agent.name());
  }

  private EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "persist" -> {
                    agents.add((Agent) args[0]);
                    yield null;
                  }
                  case "flush" -> {
                    if (failFlushWith != null) {
                      throw failFlushWith;
                    }
                    yield null;
                  }
                  case "find" ->
                      agents.stream().filter(a -> a.id().equals(args[1])).findFirst().orElse(null);
                  case "createNamedQuery" -> query((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private TypedQuery<?> query(String name) {
    assertEquals(Agent.FIND_BY_NAME_KEY, name);
    Map<String, Object> parameters = new HashMap<>();
    return (TypedQuery<?>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {TypedQuery.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setParameter" -> {
                    parameters.put((String) args[0], args[1]);
                    yield proxy;
                  }
                  case "getResultList" ->
                      agents.stream()
                          .filter(a -> a.nameKey().equals(parameters.get("key")))
                          .toList();
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
