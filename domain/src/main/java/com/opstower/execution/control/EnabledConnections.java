package com.opstower.execution.control;

import com.opstower.agent.control.AgentService;
import com.opstower.connection.entity.Connection;
import com.opstower.execution.credential.Credentials;
import com.opstower.persistence.ChangeGeneration;
import com.opstower.persistence.GenerationCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The connections enabled on agents, with their credentials decrypted and redactors built, kept in
 * memory until a connection, an agent or a token changes ({@link ChangeGeneration}): an agent call
 * then needs no query, no decryption and no redactor construction. The kept connections are
 * detached and read only.
 */
@ApplicationScoped
public class EnabledConnections {

  /** Agent and connection pairs kept; far more than an instance serves at once. */
  static final int MAX_ENTRIES = 10_000;

  /** A connection ready for calls. */
  public record Ready(Connection connection, Credentials credentials) {
    static Ready of(Connection connection) {
      return new Ready(connection, Credentials.of(connection));
    }
  }

  private record Key(String agentId, String connectionId) {}

  @Inject AgentService agents;
  @Inject ChangeGeneration generation;

  private GenerationCache<Key, Ready> cache;

  @PostConstruct
  void start() {
    cache = new GenerationCache<>(generation, MAX_ENTRIES);
  }

  /**
   * The connection if it exists and is enabled on the agent; empty otherwise.
   *
   * @throws com.opstower.problem.ProblemException {@code credential-unavailable} when its secret
   *     cannot be decrypted (not kept: asked again next time)
   */
  public Optional<Ready> find(String agentId, String connectionId) {
    if (agentId == null || connectionId == null) {
      return Optional.empty();
    }
    return cache.get(
        new Key(agentId, connectionId),
        key -> agents.findEnabledConnection(key.agentId(), key.connectionId()).map(Ready::of));
  }
}
