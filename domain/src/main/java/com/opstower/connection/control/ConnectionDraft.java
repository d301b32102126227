package com.opstower.connection.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person or API client entered for a connection, before validation. {@code authType} is the
 * wire name ({@code bearer}, {@code api_key_header}, {@code basic}, {@code query_param}, {@code
 * none}); {@code secret} is the token, API key, password or parameter value, whichever the auth
 * type uses.
 *
 * <p>Normalised on construction so that what is validated is what gets stored: a blank field
 * becomes {@code null} (absent), and surrounding whitespace is removed from the label, the
 * description and the secret, because a line break pasted from a terminal is a common accident
 * while a secret that really starts or ends with a space is not. Identifiers and URLs are kept as
 * typed and must be exact.
 *
 * <p>{@code policy} is null when the input did not mention it: a new connection then allows
 * everything, an edited one keeps its policy (a client that does not know policies cannot loosen
 * one by saving).
 */
public record ConnectionDraft(
    String label,
    String baseUrl,
    String authType,
    String headerName,
    String username,
    String paramName,
    String secret,
    String docsUrl,
    String description,
    PolicyDraft policy,
    OAuthDraft oauth) {

  /**
   * The OAuth 2.0 fields as entered ({@code auth.tokenUrl}, {@code auth.scope}, {@code
   * auth.audience}, {@code auth.clientAuth}); the client id is {@code username}'s sibling {@code
   * clientId} and the client secret is {@code secret}. Null when the input has none.
   */
  public record OAuthDraft(
      String tokenUrl, String clientId, String scope, String audience, String clientAuth) {
    public OAuthDraft {
      tokenUrl = nullIfBlank(tokenUrl);
      clientId = nullIfBlank(clientId);
      scope = strippedOrNull(scope);
      audience = strippedOrNull(audience);
      clientAuth = nullIfBlank(clientAuth);
    }
  }

  /** Without OAuth fields. */
  public ConnectionDraft(
      String label,
      String baseUrl,
      String authType,
      String headerName,
      String username,
      String paramName,
      String secret,
      String docsUrl,
      String description,
      PolicyDraft policy) {
    this(
        label,
        baseUrl,
        authType,
        headerName,
        username,
        paramName,
        secret,
        docsUrl,
        description,
        policy,
        null);
  }

  /**
   * The policy as entered: {@code methods} null for every method, {@code paths} null or empty for
   * every path. Path lines are stripped and blank ones dropped.
   */
  public record PolicyDraft(List<String> methods, List<String> paths) {
    public PolicyDraft {
      methods = methods == null ? null : Collections.unmodifiableList(new ArrayList<>(methods));
      paths =
          paths == null
              ? null
              : paths.stream()
                  .map(path -> path == null ? null : path.strip())
                  .filter(path -> path == null || !path.isEmpty())
                  .toList();
    }
  }

  /** Without a policy: see the class comment. */
  public ConnectionDraft(
      String label,
      String baseUrl,
      String authType,
      String headerName,
      String username,
      String paramName,
      String secret,
      String docsUrl,
      String description) {
    this(
        label,
        baseUrl,
        authType,
        headerName,
        username,
        paramName,
        secret,
        docsUrl,
        description,
        null,
        null);
  }

  private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");

  public ConnectionDraft {
    label = strippedOrNull(label);
    baseUrl = nullIfBlank(baseUrl);
    authType = nullIfBlank(authType);
    headerName = nullIfBlank(headerName);
    username = nullIfBlank(username);
    paramName = nullIfBlank(paramName);
    secret = strippedOrNull(secret);
    docsUrl = nullIfBlank(docsUrl);
    description = strippedOrNull(description);
  }

  /** Whether a new secret was entered (a blank one keeps the stored secret when editing). */
  public boolean hasSecret() {
    return secret != null;
  }

  /** Leaves out the secret and any user-info a mistyped URL may carry, so drafts can be logged. */
  @Override
  public String toString() {
    return "ConnectionDraft[label="
        + label
        + ", baseUrl="
        + withoutUserInfo(baseUrl)
        + ", authType="
        + authType
        + ", headerName="
        + headerName
        + ", username="
        + username
        + ", paramName="
        + paramName
        + ", secret="
        + (hasSecret() ? "(entered)" : "(blank)")
        + ", docsUrl="
        + withoutUserInfo(docsUrl)
        + ", description="
        + description
        + ", policy="
        + policy
        + ", oauth="
        + oauth
        + "]";
  }

  private static String withoutUserInfo(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceAll("//(user-info removed)@");
  }

  private static String nullIfBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String strippedOrNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
