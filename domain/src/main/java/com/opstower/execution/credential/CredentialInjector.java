package com.opstower.execution.credential;

import com.opstower.connection.entity.AuthType;
import com.opstower.http.HttpToken;
import com.opstower.http.ReservedHeaders;
import com.opstower.http.UnsafeChars;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a connection's decrypted credential into what goes on the wire (docs/api.md, the auth table
 * of Connections), plus the raw forms a redactor must hide in responses. Values that would break
 * the header or request line (controls, non-ASCII in a header, a {@code :} in a Basic user name)
 * are refused instead of being sent; no detail ever contains the secret.
 */
final class CredentialInjector {

  private CredentialInjector() {}

  /**
   * What to add to a request. {@code secretForms} are non-empty strings: the secret itself and, for
   * Basic, {@code user:password} (its Base64 is what is sent).
   */
  public record Injection(
      Map<String, String> headers, QueryCredential queryCredential, List<String> secretForms) {

    public Injection {
      headers = Map.copyOf(headers);
      secretForms = List.copyOf(secretForms);
    }

    @Override
    public String toString() {
      return "Injection[headers="
          + headers.keySet()
          + ", queryParameter="
          + (queryCredential == null ? "none" : queryCredential.name())
          + ", secretForms="
          + secretForms.size()
          + "]";
    }
  }

  /**
   * @param name the header name ({@code api_key_header}), user name ({@code basic}) or parameter
   *     name ({@code query_param}); ignored for the other types
   * @throws ProblemException {@code CREDENTIAL_UNAVAILABLE} when the secret is missing, {@code
   *     INVALID_REQUEST} when the name or secret cannot be sent
   */
  public static Injection of(AuthType type, String name, String secret) {
    Objects.requireNonNull(type, "type");
    if (type == AuthType.NONE) {
      return new Injection(Map.of(), null, List.of());
    }
    if (secret == null) {
      throw new ProblemException(
          ProblemCode.CREDENTIAL_UNAVAILABLE, "The connection has no stored credential.");
    }
    return switch (type) {
      case BEARER -> headerInjection("Authorization", "Bearer " + headerSafe(secret), secret);
      case API_KEY_HEADER -> headerInjection(headerName(name), headerSafe(secret), secret);
      case BASIC -> basic(name, secret);
      case QUERY_PARAM -> queryInjection(name, secret);
      case OAUTH2_CLIENT_CREDENTIALS -> accessTokenInjection(secret);
      case NONE -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * For OAuth 2.0 the stored secret is the client secret, which never goes to the API: nothing is
   * injected until an access token is known ({@link #withAccessToken}); the client secret is still
   * redacted should the API echo it.
   */
  private static Injection accessTokenInjection(String clientSecret) {
    return new Injection(Map.of(), null, List.of(clientSecret));
  }

  /** The access token as a bearer header; both it and the client secret are redacted. */
  static Injection withAccessToken(Injection base, String accessToken) {
    List<String> forms = new ArrayList<>(base.secretForms());
    forms.add(accessToken);
    return new Injection(Map.of("Authorization", "Bearer " + headerSafe(accessToken)), null, forms);
  }

  private static Injection headerInjection(String header, String value, String secret) {
    return new Injection(Map.of(header, value), null, List.of(secret));
  }

  private static Injection basic(String username, String password) {
    if (username == null
        || username.indexOf(':') >= 0
        || UnsafeChars.hasControl(username)
        || UnsafeChars.hasControl(password)) {
      throw invalid(
          "The connection's Basic user name is missing or contains ':' or a control character,"
              + " or its password contains a control character.");
    }
    String pair = username + ":" + password;
    String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    List<String> forms = new ArrayList<>();
    if (!password.isEmpty()) {
      forms.add(password);
    } else if (!username.isEmpty()) {
      // Stripe-style APIs put the key in the user name and leave the password empty.
      forms.add(username);
    }
    forms.add(pair);
    return new Injection(Map.of("Authorization", "Basic " + encoded), null, forms);
  }

  private static Injection queryInjection(String parameter, String value) {
    if (!HttpToken.isToken(parameter)) {
      throw invalid("The connection's query parameter name is missing or not a valid token.");
    }
    if (value.isEmpty()) {
      throw invalid("The connection's query parameter value is empty.");
    }
    return new Injection(Map.of(), new QueryCredential(parameter, value), List.of(value));
  }

  private static String headerName(String name) {
    if (!HttpToken.isToken(name) || ReservedHeaders.isReserved(name)) {
      throw invalid("The connection's API key header name is missing, invalid or reserved.");
    }
    return name;
  }

  /**
   * The secret unchanged, if it can be a header value: visible ASCII, no leading/trailing space.
   */
  private static String headerSafe(String secret) {
    if (secret.isEmpty()
        || !secret.equals(secret.strip())
        || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
      throw invalid(
          "The connection's secret is empty or contains characters that cannot be sent in an"
              + " HTTP header (controls, line breaks, non-ASCII).");
    }
    return secret;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
  }
}
