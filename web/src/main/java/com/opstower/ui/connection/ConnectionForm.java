package com.opstower.ui.connection;

import com.opstower.connection.control.ConnectionDraft;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsUrl;
import jakarta.ws.rs.FormParam;
import java.util.List;

/**
 * The External API form as posted. Each auth type has its own secret input (token, API key,
 * password, parameter value) so the page also works without script, where all are shown; only the
 * one of the chosen type is used.
 *
 * <p>Secrets have no getter: a view cannot render them, whatever a template says.
 */
public class ConnectionForm {

  @FormParam("label")
  String label;

  @FormParam("baseUrl")
  String baseUrl;

  @FormParam("authType")
  String authType;

  @FormParam("headerName")
  String headerName;

  @FormParam("username")
  String username;

  @FormParam("paramName")
  String paramName;

  @FormParam("token")
  String token;

  @FormParam("apiKey")
  String apiKey;

  @FormParam("password")
  String password;

  @FormParam("paramValue")
  String paramValue;

  @FormParam("tokenUrl")
  String tokenUrl;

  @FormParam("clientId")
  String clientId;

  @FormParam("clientSecret")
  String clientSecret;

  @FormParam("scope")
  String scope;

  @FormParam("audience")
  String audience;

  /** {@code basic} (default) or {@code body}: how the client authenticates at the token URL. */
  @FormParam("clientAuth")
  String clientAuth;

  @FormParam("docsUrl")
  String docsUrl;

  @FormParam("description")
  String description;

  /** The ticked methods; with none ticked the browser sends none, which the form refuses. */
  @FormParam("methods")
  List<String> methods;

  /** "Read-only": GET alone, whatever else is ticked (the shortcut also works without script). */
  @FormParam("readOnly")
  String readOnly;

  /** Path patterns, one per line; blank for any path. */
  @FormParam("paths")
  String paths;

  /**
   * Sent by every form that shows the policy fields. A post without it (a page rendered before
   * policies existed, or a script posting the old fields) says nothing about the policy, so an edit
   * keeps it and a new connection gets the default, rather than being refused for "no method".
   */
  @FormParam("policyFields")
  String policyFields;

  /** On edit: "rename the tool after the new label" (otherwise the tool keeps its name). */
  @FormParam("renameTool")
  String renameTool;

  /** The reference of a secret typed earlier and kept for Save ({@link KeptSecrets}). */
  @FormParam("keptSecret")
  String keptSecret;

  /** An empty form for a new connection, with the most common auth type preselected. */
  public static ConnectionForm blank() {
    ConnectionForm form = new ConnectionForm();
    form.authType = AuthType.BEARER.wire();
    form.methods = CallPolicy.METHODS;
    form.policyFields = "1";
    return form;
  }

  /** The stored settings of {@code connection}, without its secret. */
  public static ConnectionForm of(Connection connection) {
    ConnectionForm form = new ConnectionForm();
    form.label = connection.label().orElse(null);
    form.baseUrl = connection.baseUrl().toString();
    form.authType = connection.authType().wire();
    String name = connection.authName().orElse(null);
    switch (connection.authType()) {
      case API_KEY_HEADER -> form.headerName = name;
      case BASIC -> form.username = name;
      case QUERY_PARAM -> form.paramName = name;
      case OAUTH2_CLIENT_CREDENTIALS -> {
        form.clientId = name;
        connection
            .oauth()
            .ifPresent(
                oauth -> {
                  form.tokenUrl = oauth.tokenUrl();
                  form.scope = oauth.scope();
                  form.audience = oauth.audience();
                  form.clientAuth = oauth.clientAuth().wire();
                });
      }
      case BEARER, NONE -> {}
    }
    form.docsUrl = connection.docsUrl().orElse(null);
    form.description = connection.description().orElse(null);
    CallPolicy policy = connection.policy();
    form.methods = policy.methods();
    form.readOnly = policy.isReadOnly() ? "on" : null;
    form.paths = String.join("\n", policy.paths());
    form.policyFields = "1";
    return form;
  }

  public ConnectionDraft toDraft() {
    return new ConnectionDraft(
        label,
        baseUrl,
        authType,
        headerName,
        username,
        paramName,
        secretOfChosenType(),
        docsUrl,
        description,
        policy(),
        oauth());
  }

  private ConnectionDraft.OAuthDraft oauth() {
    return new ConnectionDraft.OAuthDraft(tokenUrl, clientId, scope, audience, clientAuth);
  }

  /** The policy as ticked and typed; null when the post has no policy fields at all. */
  ConnectionDraft.PolicyDraft policy() {
    // JAX-RS hands an absent list parameter over as an empty list
    boolean noMethods = methods == null || methods.isEmpty();
    if (policyFields == null && noMethods && readOnly == null && paths == null) {
      return null;
    }
    List<String> ticked = isReadOnly() ? List.of("GET") : methods == null ? List.of() : methods;
    List<String> lines = paths == null ? List.of() : List.of(paths.split("\r?\n"));
    return new ConnectionDraft.PolicyDraft(ticked, lines);
  }

  /** The draft with {@code secret} for the chosen auth type instead of what the form carries. */
  public ConnectionDraft toDraftWithKept(String secret) {
    return new ConnectionDraft(
        label,
        baseUrl,
        authType,
        headerName,
        username,
        paramName,
        secret,
        docsUrl,
        description,
        policy(),
        oauth());
  }

  /** Whether a secret for the chosen auth type was typed into this submission. */
  public boolean hasTypedCredential() {
    String secret = secretOfChosenType();
    return secret != null && !secret.isBlank();
  }

  String typedSecret() {
    return secretOfChosenType();
  }

  /**
   * Where a kept secret may go: the origin of the typed base URL and, for OAuth 2.0, of the token
   * URL too (the client secret is sent there); null while either is not a valid URL.
   */
  String origin() {
    try {
      if (baseUrl == null) {
        return null;
      }
      String origin = BaseUrl.parse(baseUrl.strip()).origin();
      if (AuthType.fromWire(authType).orElse(null) == AuthType.OAUTH2_CLIENT_CREDENTIALS) {
        return tokenUrl == null ? null : origin + " " + DocsUrl.parse(tokenUrl.strip()).origin();
      }
      return origin;
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  public String getKeptReference() {
    return keptSecret;
  }

  private String secretOfChosenType() {
    return switch (AuthType.fromWire(authType).orElse(AuthType.NONE)) {
      case BEARER -> token;
      case API_KEY_HEADER -> apiKey;
      case BASIC -> password;
      case QUERY_PARAM -> paramValue;
      case OAUTH2_CLIENT_CREDENTIALS -> clientSecret;
      case NONE -> null;
    };
  }

  public String getLabel() {
    return label;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public String getAuthType() {
    return authType;
  }

  public String getHeaderName() {
    return headerName;
  }

  public String getUsername() {
    return username;
  }

  public String getParamName() {
    return paramName;
  }

  /** The OAuth token URL (named so that no getter's name even looks like a secret's). */
  public String getAuthServerUrl() {
    return tokenUrl;
  }

  public String getClientId() {
    return clientId;
  }

  public String getScope() {
    return scope;
  }

  public String getAudience() {
    return audience;
  }

  /** {@code body} when the client authenticates in the form body; else Basic. */
  public boolean isClientAuthInBody() {
    return "body".equals(clientAuth);
  }

  public String getDocsUrl() {
    return docsUrl;
  }

  public String getDescription() {
    return description;
  }

  /** Every method agents may be allowed, in the order the form lists them. */
  public List<String> getAllMethods() {
    return CallPolicy.METHODS;
  }

  public boolean allows(String method) {
    return isReadOnly() ? "GET".equals(method) : methods != null && methods.contains(method);
  }

  public boolean renamesTool() {
    return renameTool != null && !renameTool.isBlank();
  }

  public boolean isReadOnly() {
    return readOnly != null && !readOnly.isBlank();
  }

  public String getPaths() {
    return paths;
  }
}
