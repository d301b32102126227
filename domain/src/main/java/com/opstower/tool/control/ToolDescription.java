package com.opstower.tool.control;

import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import java.time.Duration;

/**
 * The function description a model reads before calling a connection: what the API is, how to call
 * it through OpsTower, and the limits it will meet. Built only from the connection's non-secret
 * settings; the credential never appears (the model must not even try to send one).
 */
final class ToolDescription {

  private ToolDescription() {}

  static String of(
      Connection connection, int responseCapBytes, Duration timeout, int catalogueChars) {
    String baseUrl = connection.baseUrl().toString();
    StringBuilder text = new StringBuilder();
    text.append("Call the ")
        .append(connection.displayName())
        .append(" REST API at ")
        .append(baseUrl)
        .append(". Authentication is automatic: OpsTower adds the connection's credentials to")
        .append(" every request, so never send credentials, API keys, cookies or an Authorization")
        .append(" header yourself. `path` is relative to the base URL: \"/invoices\" calls ")
        .append(baseUrl)
        .append("/invoices. Put query parameters in `query` (string or array-of-strings values),")
        .append(" not in `path`. `body` is for POST, PUT and PATCH: a JSON value is sent as JSON,")
        .append(" a string as text; `contentType` overrides the default. The result holds the")
        .append(" HTTP status, the response headers and the response body as text, at most ")
        .append(responseCapBytes)
        .append(" bytes of it (`truncated` is true when the API sent more). The call times out")
        .append(" after ")
        .append(durationText(timeout))
        .append('.');
    CallPolicy policy = connection.policy();
    if (!policy.allowsEveryMethod()) {
      text.append(
          policy.isReadOnly()
              ? " This connection is read-only: only GET is allowed."
              : " Allowed methods: " + String.join(", ", policy.methods()) + ".");
    }
    if (!policy.allowsAnyPath()) {
      text.append(" Allowed paths (relative to the base URL; * is one segment, ** any number): ")
          .append(String.join(", ", policy.paths()))
          .append(". Other paths are refused.");
    }
    connection
        .description()
        .filter(description -> !description.isBlank())
        .ifPresent(description -> text.append("\nAPI description: ").append(description));
    connection
        .docsUrl()
        .ifPresent(
            docsUrl ->
                text.append("\nAPI documentation: ")
                    .append(docsUrl)
                    .append(" (OpsTower can fetch it for you: GET /api/v1/agents/{agentId}")
                    .append("/connections/")
                    .append(connection.id())
                    .append("/docs)."));
    text.append(CatalogueText.of(connection, catalogueChars));
    return text.toString();
  }

  static String durationText(Duration timeout) {
    if (timeout.toMillisPart() != 0 || timeout.isZero()) {
      return timeout.toMillis() + " milliseconds";
    }
    long seconds = timeout.toSeconds();
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }
}
