package com.opstower.ui.connection;

import com.opstower.agent.entity.Agent;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.LastTest;
import com.opstower.ui.layout.UiTime;
import java.util.List;

/**
 * One connection as the list and the detail page show it; never carries the secret. {@code
 * lastTestedAt} is when {@code lastTest} ran, for the list's relative time (null if never tested).
 */
public record ConnectionRow(
    String id,
    String name,
    String label,
    String baseUrl,
    String authType,
    String authName,
    boolean hasSecret,
    String docsUrl,
    String description,
    String allowedMethods,
    List<String> allowedPaths,
    TestResultView lastTest,
    UiTime.Shown lastTestedAt,
    List<String> agents) {

  public static ConnectionRow of(Connection connection, List<Agent> usedBy) {
    return new ConnectionRow(
        connection.id(),
        connection.displayName(),
        connection.label().orElse(null),
        connection.baseUrl().toString(),
        connection.authType().displayName(),
        connection.authName().orElse(null),
        connection.hasSecret(),
        connection.docsUrl().orElse(null),
        connection.description().orElse(null),
        connection.policy().isReadOnly()
            ? "GET only (read-only)"
            : String.join(", ", connection.policy().methods()),
        connection.policy().paths(),
        connection.lastTest().map(TestResultView::of).orElse(null),
        connection.lastTest().map(LastTest::testedAt).map(UiTime::shown).orElse(null),
        usedBy.stream().map(Agent::name).toList());
  }
}
