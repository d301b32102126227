package com.opstower.connection.boundary;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsKind;
import com.opstower.connection.entity.LastTest;
import com.opstower.probe.control.ProbeReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's {@code Connection}. It never carries a secret value, mask, prefix, length or hash:
 * only whether one is set.
 */
public record ConnectionView(
    String id,
    String type,
    String label,
    String baseUrl,
    Map<String, Object> auth,
    String docsUrl,
    String description,
    PolicyView policy,
    DocsView docs,
    Instant createdAt,
    Instant updatedAt,
    TestResultView lastTest) {

  public static ConnectionView of(Connection connection) {
    return new ConnectionView(
        connection.id(),
        connection.type(),
        connection.label().orElse(null),
        connection.baseUrl().toString(),
        auth(connection),
        connection.docsUrl().orElse(null),
        connection.description().orElse(null),
        PolicyView.of(connection.policy()),
        DocsView.of(connection),
        connection.createdAt(),
        connection.updatedAt(),
        connection.lastTest().map(TestResultView::of).orElse(null));
  }

  /** The v1.1 {@code policy}: every method and {@code paths} empty (any path) by default. */
  public record PolicyView(List<String> methods, List<String> paths) {
    static PolicyView of(CallPolicy policy) {
      return new PolicyView(policy.methods(), policy.paths());
    }
  }

  /**
   * The v1.1 {@code docs}: what the documentation URL served when it was last read. {@code
   * operations} is how many operations of an OpenAPI document lie under the base URL (0 otherwise).
   */
  public record DocsView(
      String kind, String title, int operations, Instant fetchedAt, String message) {

    static final String NO_URL = "The connection has no API documentation URL.";
    static final String NOT_READ =
        "Not read yet: the document is fetched in the background after a save; refresh to read"
            + " it now.";

    public static DocsView of(Connection connection) {
      if (connection.docsUrl().isEmpty()) {
        return new DocsView(DocsKind.NONE.wire(), null, 0, null, NO_URL);
      }
      return connection
          .docs()
          .map(
              docs ->
                  new DocsView(
                      docs.kind().wire(),
                      docs.title().orElse(null),
                      docs.operationCount().orElse(0),
                      docs.fetchedAt(),
                      docs.message().orElse(null)))
          .orElse(new DocsView(DocsKind.NONE.wire(), null, 0, null, NOT_READ));
    }
  }

  private static Map<String, Object> auth(Connection connection) {
    Map<String, Object> auth = new LinkedHashMap<>();
    AuthType type = connection.authType();
    auth.put("type", type.wire());
    switch (type) {
      case API_KEY_HEADER -> auth.put("headerName", connection.authName().orElse(null));
      case BASIC -> auth.put("username", connection.authName().orElse(null));
      case QUERY_PARAM -> auth.put("paramName", connection.authName().orElse(null));
      case OAUTH2_CLIENT_CREDENTIALS ->
          connection
              .oauth()
              .ifPresent(
                  oauth -> {
                    auth.put("tokenUrl", oauth.tokenUrl());
                    auth.put("clientId", connection.authName().orElse(null));
                    auth.put("scope", oauth.scope());
                    auth.put("audience", oauth.audience());
                    auth.put("clientAuth", oauth.clientAuth().wire());
                  });
      case BEARER, NONE -> {}
    }
    if (type.hasSecret()) {
      auth.put("secretSet", connection.hasSecret());
    }
    return auth;
  }

  /**
   * The contract's {@code TestResult}; {@code outcome} and {@code request} are v1.1 additions (see
   * {@link ProbeReport}).
   */
  public record TestResultView(
      boolean ok,
      Integer status,
      long durationMs,
      Instant testedAt,
      String message,
      String hint,
      String outcome,
      String request) {

    public static TestResultView of(ProbeReport report) {
      return new TestResultView(
          report.ok(),
          report.status(),
          report.durationMs(),
          report.testedAt(),
          report.message(),
          report.hint(),
          report.outcome(),
          report.request());
    }

    public static TestResultView of(LastTest test) {
      return new TestResultView(
          test.ok(),
          test.status(),
          test.durationMs(),
          test.testedAt(),
          test.message(),
          test.hint(),
          test.outcome(),
          test.request());
    }
  }
}
