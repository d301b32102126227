package com.opstower.execution.request;

import com.opstower.connection.entity.CallPolicy;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;
import java.util.List;

/**
 * The connection's own policy on an agent's request (docs/api.md "Per-connection policy"): the
 * allowed methods, then the allowed paths, matched against the path as the path rules accepted and
 * decoded it. A refusal names what is allowed, so the agent can correct itself.
 */
final class PolicyCheck {

  /** Enough to name a few dozen patterns; beyond it the detail says how many more there are. */
  private static final int MAX_LISTED_CHARS = 1000;

  private PolicyCheck() {}

  static void method(CallPolicy policy, RequestMethod method) {
    if (!policy.allowsMethod(method.name())) {
      throw new ProblemException(
          ProblemCode.INVALID_METHOD,
          "This connection does not allow "
              + method.name()
              + "; it allows "
              + String.join(", ", policy.methods())
              + ".");
    }
  }

  /**
   * @throws ProblemException {@code PATH_NOT_ALLOWED}: the path breaks the path rules, or matches
   *     none of the allowed patterns
   */
  static void path(CallPolicy policy, String path) {
    if (policy.allowsAnyPath()) {
      return;
    }
    List<String> segments = AgentPath.segments(AgentPath.encode(path));
    if (!policy.allowsPath(segments)) {
      throw new ProblemException(
          ProblemCode.PATH_NOT_ALLOWED,
          "The path "
              + SafeText.quote(path)
              + " is not allowed on this connection; it allows "
              + listed(policy.paths())
              + " (* is one segment, ** any number).");
    }
  }

  private static String listed(List<String> patterns) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < patterns.size(); i++) {
      if (text.length() + patterns.get(i).length() > MAX_LISTED_CHARS) {
        return text.append(" and ").append(patterns.size() - i).append(" more").toString();
      }
      text.append(i == 0 ? "" : ", ").append(patterns.get(i));
    }
    return text.toString();
  }
}
