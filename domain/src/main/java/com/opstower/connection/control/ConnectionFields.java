package com.opstower.connection.control;

import com.opstower.connection.entity.AuthType;
import java.util.Optional;

/**
 * The field names the validator reports errors under. They are the JSON paths of {@code
 * ConnectionInput} in the API contract; the web form uses the same names so one error list serves
 * both.
 */
public final class ConnectionFields {

  public static final String LABEL = "label";
  public static final String BASE_URL = "baseUrl";
  public static final String AUTH_TYPE = "auth.type";
  public static final String HEADER_NAME = "auth.headerName";
  public static final String USERNAME = "auth.username";
  public static final String PARAM_NAME = "auth.paramName";
  public static final String TOKEN = "auth.token";
  public static final String API_KEY = "auth.apiKey";
  public static final String PASSWORD = "auth.password";
  public static final String PARAM_VALUE = "auth.paramValue";
  public static final String TOKEN_URL = "auth.tokenUrl";
  public static final String CLIENT_ID = "auth.clientId";
  public static final String CLIENT_SECRET = "auth.clientSecret";
  public static final String SCOPE = "auth.scope";
  public static final String AUDIENCE = "auth.audience";
  public static final String CLIENT_AUTH = "auth.clientAuth";
  public static final String DOCS_URL = "docsUrl";
  public static final String DESCRIPTION = "description";
  public static final String POLICY_METHODS = "policy.methods";
  public static final String POLICY_PATHS = "policy.paths";

  private ConnectionFields() {}

  /** The field that holds the secret of {@code type}; empty for {@link AuthType#NONE}. */
  public static Optional<String> secretField(AuthType type) {
    return switch (type) {
      case BEARER -> Optional.of(TOKEN);
      case API_KEY_HEADER -> Optional.of(API_KEY);
      case BASIC -> Optional.of(PASSWORD);
      case QUERY_PARAM -> Optional.of(PARAM_VALUE);
      case OAUTH2_CLIENT_CREDENTIALS -> Optional.of(CLIENT_SECRET);
      case NONE -> Optional.empty();
    };
  }

  /** How messages name the secret of {@code type}, e.g. "API key". */
  static String secretNoun(AuthType type) {
    return switch (type) {
      case BEARER -> "token";
      case API_KEY_HEADER -> "API key";
      case BASIC -> "password";
      case QUERY_PARAM -> "parameter value";
      case OAUTH2_CLIENT_CREDENTIALS -> "client secret";
      case NONE -> "secret";
    };
  }
}
