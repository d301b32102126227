package com.opstower.connection.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a connection authenticates against its upstream API; {@code wire} is the contract's name. */
public enum AuthType {
  BEARER("bearer", "Bearer Token"),
  API_KEY_HEADER("api_key_header", "API Key Header"),
  BASIC("basic", "Basic Auth"),
  QUERY_PARAM("query_param", "Query Parameter"),
  /** OAuth 2.0 client credentials (RFC 6749 §4.4): the secret is the client secret. */
  OAUTH2_CLIENT_CREDENTIALS("oauth2_client_credentials", "OAuth 2.0 Client Credentials"),
  NONE("none", "No Auth");

  private final String wire;
  private final String displayName;

  AuthType(String wire, String displayName) {
    this.wire = wire;
    this.displayName = displayName;
  }

  public String wire() {
    return wire;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether this type carries a secret (token, API key, password or parameter value). */
  public boolean hasSecret() {
    return this != NONE;
  }

  public static Optional<AuthType> fromWire(String value) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
  }
}
