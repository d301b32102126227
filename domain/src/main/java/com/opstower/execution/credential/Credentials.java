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

  private final Map<String, String> headers;
  private final QueryCredential queryCredential;
  private final Optional<String> headerName;
  private final SecretRedactor redactor;

  private Credentials(
      Map<String, String> headers,
      QueryCredential queryCredential,
      Optional<String> headerName,
      SecretRedactor redactor) {
    this.headers = headers;
    this.queryCredential = queryCredential;
    this.headerName = headerName;
    this.redactor = redactor;
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
        injection.headers(),
        injection.queryCredential(),
        headerName,
        new SecretRedactor(injection.secretForms()));
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
