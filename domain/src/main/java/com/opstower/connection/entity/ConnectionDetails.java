package com.opstower.connection.entity;

/**
 * Everything about a connection but its secret, validated: what a draft becomes once {@code
 * ConnectionService} has checked it, and what {@link Connection} is created or updated from. {@code
 * authName} is the header name, username or query parameter name, depending on {@code authType};
 * null for bearer and none.
 */
public record ConnectionDetails(
    String label,
    BaseUrl baseUrl,
    AuthType authType,
    String authName,
    String docsUrl,
    String description,
    CallPolicy policy) {

  public ConnectionDetails {
    policy = policy == null ? CallPolicy.any() : policy;
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
