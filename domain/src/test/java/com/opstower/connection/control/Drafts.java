package com.opstower.connection.control;

/** Valid drafts of each auth type, and a way to change one field, for the validator tests. */
final class Drafts {

  String label = "Internal Billing API";
  String baseUrl = "https://api.example.com/v1";
  String authType;
  String headerName;
  String username;
  String paramName;
  String secret;
  String docsUrl = "https://api.example.com/openapi.json";
  String description = "Billing data. GET /invoices?customer=ID lists invoices.";

  private Drafts(String authType, String secret) {
    this.authType = authType;
    this.secret = secret;
  }

  static Drafts bearer() {
    return new Drafts("bearer", "tok-3f9a1c");
  }

  static Drafts apiKey() {
    Drafts d = new Drafts("api_key_header", "key-77ab");
    d.headerName = "X-API-Key";
    return d;
  }

  static Drafts basic() {
    Drafts d = new Drafts("basic", "p@ss:w0rd with spaces");
    d.username = "svc-reporting";
    return d;
  }

  static Drafts queryParam() {
    Drafts d = new Drafts("query_param", "qv+/=&x");
    d.paramName = "api_key";
    return d;
  }

  static Drafts none() {
    return new Drafts("none", null);
  }

  static Drafts ofType(String wire) {
    return switch (wire) {
      case "bearer" -> bearer();
      case "api_key_header" -> apiKey();
      case "basic" -> basic();
      case "query_param" -> queryParam();
      case "none" -> none();
      default -> throw new IllegalArgumentException(wire);
    };
  }

  Drafts label(String value) {
    label = value;
    return this;
  }

  Drafts baseUrl(String value) {
    baseUrl = value;
    return this;
  }

  Drafts authType(String value) {
    authType = value;
    return this;
  }

  Drafts headerName(String value) {
    headerName = value;
    return this;
  }

  Drafts username(String value) {
    username = value;
    return this;
  }

  Drafts paramName(String value) {
    paramName = value;
    return this;
  }

  Drafts secret(String value) {
    secret = value;
    return this;
  }

  Drafts docsUrl(String value) {
    docsUrl = value;
    return this;
  }

  Drafts description(String value) {
    description = value;
    return this;
  }

  ConnectionDraft build() {
    return new ConnectionDraft(
        label, baseUrl, authType, headerName, username, paramName, secret, docsUrl, description);
  }
}
