package com.opstower.connection.boundary;

import com.opstower.api.JsonInput;
import com.opstower.connection.control.ConnectionDraft;
import com.opstower.connection.control.ConnectionFields;
import com.opstower.connection.entity.AuthType;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import java.util.List;
import java.util.Set;

/**
 * The contract's {@code ConnectionInput}, read strictly into a {@link ConnectionDraft}. Members of
 * a {@code Connection} response ({@code id}, {@code createdAt}, …) are tolerated so a client can
 * send back what it read.
 */
final class ConnectionInput {

  private static final Set<String> FIELDS =
      Set.of(
          "label",
          "baseUrl",
          "auth",
          "docsUrl",
          "description",
          "policy",
          "docs",
          "id",
          "type",
          "createdAt",
          "updatedAt",
          "lastTest");

  private static final Set<String> AUTH_FIELDS =
      Set.of(
          "type",
          "token",
          "headerName",
          "apiKey",
          "username",
          "password",
          "paramName",
          "paramValue",
          "tokenUrl",
          "clientId",
          "clientSecret",
          "scope",
          "audience",
          "clientAuth",
          "secretSet");

  private static final Set<String> POLICY_FIELDS = Set.of("methods", "paths");

  private static final List<String> SECRET_NAMES =
      List.of("token", "apiKey", "password", "paramValue", "clientSecret");

  private ConnectionInput() {}

  static ConnectionDraft read(String body) {
    JsonInput input = JsonInput.parse(body, FIELDS);
    String type = input.string("type");
    // blank strings count as absent (docs/api.md)
    if (type != null && !type.isBlank() && !type.equals("external_api")) {
      throw invalid("type", "The only connection type is 'external_api'.");
    }
    JsonInput auth = input.object("auth");
    String authType = null;
    String secret = null;
    String headerName = null;
    String username = null;
    String paramName = null;
    ConnectionDraft.OAuthDraft oauth = null;
    if (auth != null) {
      auth.requireKnown(AUTH_FIELDS);
      authType = auth.string("type");
      headerName = auth.string("headerName");
      username = auth.string("username");
      paramName = auth.string("paramName");
      oauth =
          new ConnectionDraft.OAuthDraft(
              auth.string("tokenUrl"),
              auth.string("clientId"),
              auth.string("scope"),
              auth.string("audience"),
              auth.string("clientAuth"));
      String expected =
          AuthType.fromWire(authType)
              .flatMap(ConnectionFields::secretField)
              .map(field -> field.substring("auth.".length()))
              .orElse(null);
      for (String name : SECRET_NAMES) {
        String value = auth.string(name);
        if (value == null) {
          continue;
        }
        if (!name.equals(expected) && AuthType.fromWire(authType).isPresent()) {
          if (value.isBlank()) {
            continue; // a blank field of another auth type is as good as absent
          }
          throw invalid(
              "auth." + name, "'auth." + name + "' is not used by auth type '" + authType + "'.");
        }
        secret = value;
      }
    }
    return new ConnectionDraft(
        input.string("label"),
        input.string("baseUrl"),
        authType,
        headerName,
        username,
        paramName,
        secret,
        input.string("docsUrl"),
        input.string("description"),
        policy(input.object("policy")),
        oauth);
  }

  /** Null when the input has no policy (an edit keeps the stored one, see ConnectionDraft). */
  private static ConnectionDraft.PolicyDraft policy(JsonInput policy) {
    if (policy == null) {
      return null;
    }
    policy.requireKnown(POLICY_FIELDS);
    return new ConnectionDraft.PolicyDraft(policy.strings("methods"), policy.strings("paths"));
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemCode.INVALID_REQUEST, message, List.of(new FieldError(field, message)));
  }
}
