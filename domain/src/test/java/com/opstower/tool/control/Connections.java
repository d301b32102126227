package com.opstower.tool.control;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import java.time.Instant;
import java.util.List;

/** Builds connections for the tool tests; no encryption key is needed for these. */
final class Connections {

  private Connections() {}

  static Connection labelled(String label) {
    return of(label, "https://api.example.com/v1", null, null);
  }

  static Connection of(String label, String baseUrl, String docsUrl, String description) {
    return new Connection(
        new ConnectionDetails(
            label, BaseUrl.parse(baseUrl), AuthType.NONE, null, docsUrl, description),
        null,
        Instant.now());
  }

  /** A connection without auth whose agents may use only {@code methods} on {@code paths}. */
  static Connection withPolicy(List<String> methods, List<String> paths) {
    return new Connection(
        new ConnectionDetails(
            "Policed",
            BaseUrl.parse("https://api.example.com/v1"),
            AuthType.NONE,
            null,
            null,
            null,
            CallPolicy.of(methods, paths)),
        null,
        Instant.now());
  }

  /** A bearer connection whose secret is only pending (sealed on write), so no key is needed. */
  static Connection withBearerSecret(String label, String secret) {
    return new Connection(
        new ConnectionDetails(
            label,
            BaseUrl.parse("https://api.example.com/v1"),
            AuthType.BEARER,
            null,
            "https://api.example.com/openapi.json",
            "Billing data."),
        secret,
        Instant.now());
  }
}
