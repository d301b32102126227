package com.opstower.api;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.entity.Scope;
import java.util.Set;

/**
 * Who is calling, as established by {@link BearerAuthentication}; never holds the token value.
 *
 * @param agentId the one agent an agent-bound token may use; null for an unbound token
 */
public record CallerToken(String tokenId, Set<Scope> scopes, String agentId) {

  /** The request property under which the filter leaves it. */
  public static final String PROPERTY = CallerToken.class.getName();

  /**
   * Refuses a token bound to another agent with 403 {@code forbidden} (docs/api.md "Agent-bound
   * tokens"), before anything about {@code agent} — even whether it exists — is looked up.
   */
  public void requireAgent(String agent) {
    if (agentId != null && !agentId.equals(agent)) {
      throw new ProblemException(
          ProblemCode.FORBIDDEN, "This token is bound to another agent and may use only that one.");
    }
  }
}
