package com.opstower.connection.entity;

/**
 * The non-secret settings of a connection after validation. {@code authName} is the header name,
 * username or query parameter name, depending on {@code authType}; null for bearer and none.
 */
public record ConnectionSettings(
    String label,
    BaseUrl baseUrl,
    AuthType authType,
    String authName,
    String docsUrl,
    String description) {}
