package com.opstower.connection.entity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The non-secret half of an OAuth 2.0 client-credentials connection (docs/api.md): where to get an
 * access token, the optional scope and audience, and how the client authenticates to the token
 * endpoint. The client id is the connection's {@code authName}; the client secret is its sealed
 * secret.
 */
public record OAuthSettings(String tokenUrl, String scope, String audience, ClientAuth clientAuth) {

  /** How the client id and secret reach the token endpoint (RFC 6749 §2.3.1). */
  public enum ClientAuth {
    /** HTTP Basic with the form-encoded id and secret: the default the RFC asks servers to take. */
    BASIC("basic"),
    /** {@code client_id} and {@code client_secret} in the form body. */
    BODY("body");

    private final String wire;

    ClientAuth(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Optional<ClientAuth> fromWire(String value) {
      if (value == null) {
        return Optional.empty();
      }
      String wanted = value.toLowerCase(Locale.ROOT);
      for (ClientAuth auth : values()) {
        if (auth.wire.equals(wanted)) {
          return Optional.of(auth);
        }
      }
      return Optional.empty();
    }
  }

  public OAuthSettings {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    clientAuth = clientAuth == null ? ClientAuth.BASIC : clientAuth;
  }

  /** {@code scheme://host[:port]} of the token URL: the client secret is bound to it too. */
  public String tokenOrigin() {
    return DocsUrl.parse(tokenUrl).origin();
  }

  public Optional<String> scopeValue() {
    return Optional.ofNullable(scope);
  }

  public Optional<String> audienceValue() {
    return Optional.ofNullable(audience);
  }
}
