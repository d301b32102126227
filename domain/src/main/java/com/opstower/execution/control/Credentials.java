package com.opstower.execution.control;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.Connection;
import java.util.Optional;

/**
 * A connection's credential made ready for one outbound call: what to inject, which header name the
 * agent may not set, and the redactor that hides every form of the secret in the answer.
 */
record Credentials(
    CredentialInjector.Injection injection, Optional<String> headerName, SecretRedactor redactor) {

  static Credentials of(Connection connection) {
    AuthType type = connection.authType();
    String secret = type.hasSecret() ? connection.revealSecret() : null;
    CredentialInjector.Injection injection =
        CredentialInjector.of(type, connection.authName().orElse(null), secret);
    Optional<String> headerName =
        type == AuthType.API_KEY_HEADER ? connection.authName() : Optional.empty();
    return new Credentials(injection, headerName, new SecretRedactor(injection.secretForms()));
  }

  @Override
  public String toString() {
    return "Credentials[" + injection.headers().keySet() + "]";
  }
}
