package com.opstower.ui.connection;

import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsKind;
import com.opstower.connection.entity.DocsSummary;
import com.opstower.ui.layout.UiTime;
import java.util.List;

/**
 * What the detail page says about a connection's documentation: what the URL served when it was
 * last read, the operations found, and whether a refresh is worth offering.
 *
 * @param kind the contract's {@code docs.kind}
 * @param label the kind for people ("OpenAPI document", "Not read yet", …)
 * @param operations every stored operation as a catalogue line
 */
public record DocsStatus(
    String kind,
    String label,
    String title,
    int operationCount,
    UiTime.Shown fetchedAt,
    String message,
    List<String> operations) {

  public static DocsStatus of(Connection connection) {
    if (connection.docsUrl().isEmpty()) {
      return null;
    }
    DocsSummary docs = connection.docs().orElse(null);
    if (docs == null) {
      return new DocsStatus(
          DocsKind.NONE.wire(),
          "Not read yet",
          null,
          0,
          null,
          "The document is read in the background after a save. Refresh to read it now.",
          List.of());
    }
    return new DocsStatus(
        docs.kind().wire(),
        switch (docs.kind()) {
          case OPENAPI -> "OpenAPI document";
          case TEXT -> "Documentation page";
          case ERROR -> "Could not be read";
          case NONE -> "Not read yet";
        },
        docs.title().orElse(null),
        docs.operationCount().orElse(0),
        UiTime.shown(docs.fetchedAt()),
        docs.message()
            .filter(message -> !message.matches("\\d+ operations? found\\."))
            .orElse(null),
        docs.operations().stream().map(ApiOperation::line).toList());
  }

  /** The flash after a refresh: what was found, in one sentence. */
  String outcome() {
    if (failed()) {
      return "The documentation could not be read: " + message;
    }
    if (message == null) {
      return "Documentation read: "
          + (operationCount == 1 ? "1 operation" : operationCount + " operations")
          + " found.";
    }
    return "Documentation read: " + message;
  }

  public boolean failed() {
    return kind.equals(DocsKind.ERROR.wire());
  }
}
