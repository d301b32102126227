package com.opstower.execution.credential;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.Connection;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's credential made ready for one outbound call: what to inject (headers, or a query
 * parameter), which header name the agent may not set, and the redactor that hides every form of
 * the secret in the answer. The one way into this package: {@link #of} decrypts the secret, turns
 * it into what goes on the wire and builds the redactor for it.
 */
public final class Credentials {

  private final CredentialInjector.Injection injection;
  private final Map<String, String> headers;
  private final QueryCredential queryCredential;
  private final Optional<String> headerName;
  private final SecretRedactor redactor;
  private final boolean needsAccessToken;

  private Credentials(
      CredentialInjector.Injection injection,
      Optional<String> headerName,
      SecretRedactor redactor,
      boolean needsAccessToken) {
    this.injection = injection;
    this.headers = injection.headers();
    this.queryCredential = injection.queryCredential();
    this.headerName = headerName;
    this.redactor = redactor;
    this.needsAccessToken = needsAccessToken;
  }

  /**
   * @throws com.opstower.problem.ProblemException {@code CREDENTIAL_UNAVAILABLE} when the secret is
   *     missing or cannot be decrypted, {@code INVALID_REQUEST} when it cannot be sent
   */
  public static Credentials of(Connection connection) {
    AuthType type = connection.authType();
    String secret = type.hasSecret() ? connection.revealSecret() : null;
    CredentialInjector.Injection injection =
        CredentialInjector.of(type, connection.authName().orElse(null), secret);
    Optional<String> headerName =
        type == AuthType.API_KEY_HEADER ? connection.authName() : Optional.empty();
    return new Credentials(
        injection,
        headerName,
        new SecretRedactor(injection.secretForms()),
        type == AuthType.OAUTH2_CLIENT_CREDENTIALS);
  }

  /**
   * Whether these are an OAuth 2.0 connection's credentials without an access token yet: they
   * inject nothing, so a call needs {@link #withAccessToken} first.
   */
  public boolean needsAccessToken() {
    return needsAccessToken;
  }

  /**
   * An OAuth 2.0 connection's credentials for calls with {@code accessToken}: sent as {@code
   * Authorization: Bearer}, and redacted with the client secret.
   *
   * @throws com.opstower.problem.ProblemException {@code INVALID_REQUEST} when the token cannot be
   *     sent in a header
   */
  public Credentials withAccessToken(String accessToken) {
    if (!needsAccessToken) {
      throw new IllegalStateException("not an OAuth 2.0 connection's credentials");
    }
    CredentialInjector.Injection withToken =
        CredentialInjector.withAccessToken(injection, accessToken);
    return new Credentials(
        withToken, Optional.empty(), new SecretRedactor(withToken.secretForms()), false);
  }

  /** The headers that carry the credential (unmodifiable; empty when it goes in the query). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The {@code query_param} credential, sent as the last query parameter; null for other types. */
  public QueryCredential queryCredential() {
    return queryCredential;
  }

  /** The connection's {@code api_key_header} name, which an agent may not send itself. */
  public Optional<String> headerName() {
    return headerName;
  }

  /** Hides every form of the secret in what the upstream answers. */
  public SecretRedactor redactor() {
    return redactor;
  }

  @Override
  public String toString() {
    return "Credentials[" + headers.keySet() + "]";
  }
}
