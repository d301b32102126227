package com.opstower.connection.entity;

/**
 * Everything about a connection but its secret, validated: what a draft becomes once {@code
 * ConnectionService} has checked it, and what {@link Connection} is created or updated from. {@code
 * authName} is the header name, username, query parameter name or OAuth client id, depending on
 * {@code authType}; null for bearer and none. {@code oauth} is set for OAuth 2.0 only.
 */
public record ConnectionDetails(
    String label,
    BaseUrl baseUrl,
    AuthType authType,
    String authName,
    String docsUrl,
    String description,
    CallPolicy policy,
    OAuthSettings oauth) {

  public ConnectionDetails {
    policy = policy == null ? CallPolicy.any() : policy;
    if (authType == AuthType.OAUTH2_CLIENT_CREDENTIALS && oauth == null) {
      throw new IllegalArgumentException("an OAuth 2.0 connection needs its token endpoint");
    }
    oauth = authType == AuthType.OAUTH2_CLIENT_CREDENTIALS ? oauth : null;
  }

  /** For the auth types without OAuth settings. */
  public ConnectionDetails(
      String label,
      BaseUrl baseUrl,
      AuthType authType,
      String authName,
      String docsUrl,
      String description,
      CallPolicy policy) {
    this(label, baseUrl, authType, authName, docsUrl, description, policy, null);
  }

  /** With the default policy: every method, every path. */
  public ConnectionDetails(
      String label,
      BaseUrl baseUrl,
      AuthType authType,
      String authName,
      String docsUrl,
      String description) {
    this(label, baseUrl, authType, authName, docsUrl, description, CallPolicy.any());
  }
}
