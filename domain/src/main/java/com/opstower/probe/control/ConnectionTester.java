package com.opstower.probe.control;

import com.opstower.connection.control.ConnectionDraft;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.connection.entity.LastTest;
import com.opstower.persistence.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Test Connection: one GET to the base URL with the credentials, through the same executor, egress
 * policy and deadline as agent calls.
 */
@ApplicationScoped
public class ConnectionTester {

  @Inject ConnectionService connections;

  @Inject ConnectionProbe probe;

  /** Tests what was typed, without storing anything. */
  public ProbeReport testDraft(ConnectionDraft draft) {
    return testDraft(draft, null);
  }

  /**
   * Tests what was typed on the edit form of {@code existingId}: a blank secret means the stored
   * one, as long as Save would keep it (same auth type and origin).
   */
  public ProbeReport testDraft(ConnectionDraft draft, String existingId) {
    Optional<Connection> existing = Optional.ofNullable(existingId).flatMap(connections::find);
    if (existing.isPresent()
        && !draft.hasSecret()
        && ConnectionService.keepsStoredSecret(existing.get(), draft)) {
      ConnectionDetails details = connections.validateDraft(draft, true);
      return probe.run(
          existing.get().previewWith(details, Timestamps.now()), Timestamps.now(), existingId);
    }
    Connection unsaved =
        new Connection(connections.validateDraft(draft, false), draft.secret(), Timestamps.now());
    return probe.run(unsaved, Timestamps.now(), existing.map(Connection::id).orElse(null));
  }

  /** Tests a stored connection and keeps the result as its {@code lastTest}. */
  public ProbeReport testSaved(String id) {
    Connection connection = connections.get(id);
    ProbeReport report = probe.run(connection, Timestamps.now(), id);
    keepAsLastTest(id, report);
    return report;
  }

  /**
   * Keeps {@code report} as the connection's {@code lastTest}: for a test of a draft whose values
   * were then saved unchanged (the UI's Test Connection, then Save).
   */
  public void keepAsLastTest(String id, ProbeReport report) {
    connections.recordTest(
        id,
        new LastTest(
            report.ok(),
            report.status(),
            report.durationMs(),
            report.testedAt(),
            report.message(),
            report.hint(),
            report.outcome(),
            report.request()));
  }
}
