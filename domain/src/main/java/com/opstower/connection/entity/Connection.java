package com.opstower.connection.entity;

import com.opstower.crypto.entity.SealedSecret;
import com.opstower.crypto.entity.SecretBinding;
import com.opstower.persistence.CachedEntityListener;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An external REST API that agents may call: where it is, how to authenticate, and what it is for.
 * The secret (token, API key, password or parameter value) is sealed by {@link
 * ConnectionSecretConverter} and only ever leaves this entity through {@link #revealSecret()}.
 */
@Entity
@EntityListeners(CachedEntityListener.class)
@Table(name = "connections")
@NamedQuery(name = Connection.FIND_ALL, query = "SELECT c FROM Connection c")
@NamedQuery(
    name = Connection.FIND_IDS_WITH_SECRET,
    query = "SELECT c.id FROM Connection c WHERE c.secret IS NOT NULL ORDER BY c.id")
public class Connection {

  public static final String FIND_ALL = "Connection.findAll";
  public static final String FIND_IDS_WITH_SECRET = "Connection.findIdsWithSecret";
  public static final String TYPE_EXTERNAL_API = "external_api";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 32)
  private String type;

  @Column(length = ConnectionLimits.LABEL_MAX)
  private String label;

  @Column(name = "base_url", nullable = false, length = ConnectionLimits.BASE_URL_MAX)
  private String baseUrl;

  @Transient private transient ParsedBaseUrl parsedBaseUrl;

  @Column(name = "auth_type", nullable = false, length = 32)
  private AuthType authType;

  /** The non-secret half of the credential: header name, username or query parameter name. */
  @Column(name = "auth_name", length = ConnectionLimits.USERNAME_MAX)
  private String authName;

  @Convert(converter = ConnectionSecretConverter.class)
  @Column(name = "auth_secret", length = 8192)
  private SealedSecret secret;

  @Column(name = "docs_url", length = ConnectionLimits.DOCS_URL_MAX)
  private String docsUrl;

  /** OAuth 2.0 only: the token endpoint, and the scope and audience asked for. */
  @Column(name = "oauth_token_url", length = ConnectionLimits.DOCS_URL_MAX)
  private String oauthTokenUrl;

  @Column(name = "oauth_scope", length = ConnectionLimits.OAUTH_TEXT_MAX)
  private String oauthScope;

  @Column(name = "oauth_audience", length = ConnectionLimits.OAUTH_TEXT_MAX)
  private String oauthAudience;

  /** {@code basic} or {@code body}; null for the other auth types. */
  @Column(name = "oauth_client_auth", length = 8)
  private String oauthClientAuth;

  @Column(length = ConnectionLimits.DESCRIPTION_MAX)
  private String description;

  /** The allowed methods, comma-separated in {@link CallPolicy#METHODS} order. */
  @Column(name = "policy_methods", nullable = false, length = 40)
  private String policyMethods;

  /** The allowed path patterns, one per line; null when every path is allowed. */
  @Column(name = "policy_paths", length = CallPolicy.PATHS_COLUMN_MAX)
  private String policyPaths;

  /**
   * The tool name derived from the display name when the connection was created, kept when the
   * label changes (agents and prompts name tools) until the admin asks for a rename.
   */
  @Column(name = "tool_name", length = ToolName.MAX_LENGTH)
  private String toolName;

  /** {@link #policy()} parsed once: agent calls check it on every request. */
  @Transient private CallPolicy policy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Embedded private LastTest lastTest;

  /** What the documentation URL served when it was last fetched; null until then. */
  @Embedded private DocsSummary docs;

  @Version private long version;

  protected Connection() {}

  public Connection(ConnectionDetails details, String secretOrNull, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.type = TYPE_EXTERNAL_API;
    this.createdAt = now;
    apply(details, secretOrNull, now);
    this.toolName = ToolName.from(displayName());
  }

  /**
   * Replaces the details. A blank secret keeps the stored one, but only while the auth type and the
   * base URL's origin stay the same: a stored credential never follows the connection to a new
   * host.
   */
  public void update(ConnectionDetails details, String secretOrNull, Instant now) {
    apply(details, secretOrNull, now);
  }

  /**
   * An unsaved copy with other details and this connection's sealed secret (kept under the same
   * rules as {@link #update}), for testing an edit before it is saved.
   */
  public Connection previewWith(ConnectionDetails details, Instant now) {
    Connection copy = new Connection();
    copy.id = id;
    copy.type = type;
    copy.createdAt = createdAt;
    copy.baseUrl = baseUrl;
    copy.authType = authType;
    copy.secret = secret;
    copy.toolName = toolName;
    copy.docsUrl = docsUrl;
    copy.docs = docs;
    copy.oauthTokenUrl = oauthTokenUrl;
    copy.apply(details, null, now);
    return copy;
  }

  /**
   * Whether the stored secret stays when the connection moves to this auth type and base URL: only
   * for the same type and the same origin (scheme, host, port), so a credential never follows the
   * connection to another host.
   */
  public boolean keepsSecretFor(AuthType newType, BaseUrl newBaseUrl) {
    return secret != null && newType == authType && newBaseUrl.sameOrigin(BaseUrl.parse(baseUrl));
  }

  /**
   * {@link #keepsSecretFor(AuthType, BaseUrl)}, and for OAuth 2.0 also the same token endpoint
   * origin: the client secret is sent there, so it never follows the token URL to another host.
   */
  public boolean keepsSecretFor(AuthType newType, BaseUrl newBaseUrl, String newTokenUrl) {
    if (!keepsSecretFor(newType, newBaseUrl)) {
      return false;
    }
    if (newType != AuthType.OAUTH2_CLIENT_CREDENTIALS) {
      return true;
    }
    try {
      return oauthTokenUrl != null
          && newTokenUrl != null
          && DocsUrl.parse(oauthTokenUrl).origin().equals(DocsUrl.parse(newTokenUrl).origin());
    } catch (IllegalArgumentException invalid) {
      return false;
    }
  }

  private void apply(ConnectionDetails details, String secretOrNull, Instant now) {
    String newTokenUrl = details.oauth() == null ? null : details.oauth().tokenUrl();
    if (details.authType().hasSecret()
        && isBlank(secretOrNull)
        && !keepsSecretFor(details.authType(), details.baseUrl(), newTokenUrl)) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "Enter the secret again: a new connection, a new authentication type or a new origin"
              + " needs it.");
    }
    boolean docsMoved =
        !Objects.equals(docsUrl, details.docsUrl())
            || !Objects.equals(baseUrl, details.baseUrl().toString());
    if (docsMoved) {
      // read for another document or another base path: no longer true
      this.docs = null;
    }
    this.label = details.label();
    this.baseUrl = details.baseUrl().toString();
    this.authType = details.authType();
    this.authName = details.authName();
    this.docsUrl = details.docsUrl();
    OAuthSettings oauth = details.oauth();
    this.oauthTokenUrl = oauth == null ? null : oauth.tokenUrl();
    this.oauthScope = oauth == null ? null : oauth.scope();
    this.oauthAudience = oauth == null ? null : oauth.audience();
    this.oauthClientAuth = oauth == null ? null : oauth.clientAuth().wire();
    this.description = details.description();
    this.policyMethods = details.policy().methodsColumn();
    this.policyPaths = details.policy().pathsColumn();
    this.policy = details.policy();
    if (!details.authType().hasSecret()) {
      this.secret = null;
    } else if (!isBlank(secretOrNull)) {
      sealSecret(secretOrNull);
    }
    this.updatedAt = now;
  }

  private void sealSecret(String plaintext) {
    // Sealed under the active key by the converter when the row is written.
    this.secret = SealedSecret.pending(plaintext, secretBinding());
  }

  /**
   * Where this connection's secret may go (docs/security.md §11): this row, its base URL's origin
   * and its auth type. A secret sealed for other values, such as a base URL edited in the database,
   * is unavailable rather than sent to the new origin.
   */
  private SecretBinding secretBinding() {
    // an OAuth client secret goes to the token endpoint: bound to its origin as well
    String origin = baseUrl().origin();
    if (authType == AuthType.OAUTH2_CLIENT_CREDENTIALS) {
      origin += " " + tokenOriginOrMark();
    }
    return new SecretBinding(id, origin, authType.name());
  }

  /**
   * A token URL edited into nonsense in the database binds to nothing the secret was sealed for.
   */
  private String tokenOriginOrMark() {
    try {
      return oauthTokenUrl == null ? "(no token URL)" : DocsUrl.parse(oauthTokenUrl).origin();
    } catch (IllegalArgumentException invalid) {
      return "(invalid token URL)";
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isEmpty();
  }

  /** The plaintext credential, for injecting into an outbound request and nothing else. */
  public String revealSecret() {
    if (secret == null) {
      throw new IllegalStateException("This connection has no secret");
    }
    return secret.reveal(secretBinding());
  }

  /**
   * Seals the secret again under the currently active key (rotation), and with the full binding if
   * it was sealed before v1.1. Returns false when nothing had to change. Throws {@code
   * CredentialUnavailableException} when the old key is gone or the row no longer matches the
   * secret's binding.
   */
  public boolean resealUnder(String activeKeyId) {
    if (secret == null
        || (activeKeyId.equals(secret.keyId().orElse(null)) && !secret.isOwnerOnly())) {
      return false;
    }
    sealSecret(secret.reveal(secretBinding()));
    return true;
  }

  /** Whether the stored secret predates the origin and auth-type binding. */
  public boolean hasOwnerOnlySecret() {
    return secret != null && secret.isOwnerOnly();
  }

  /**
   * Keeps what a fetch of the documentation found, unless the connection's documentation URL has
   * changed since the fetch began (a newer fetch is on its way then). Returns whether it was kept.
   */
  public boolean recordDocs(DocsSummary found) {
    if (!found.source().equals(docsUrl())) {
      return false;
    }
    this.docs = found;
    return true;
  }

  /** What the last documentation fetch found; empty before the first one (or without a URL). */
  public Optional<DocsSummary> docs() {
    return docs != null && docs.isPresent() && docsUrl != null
        ? Optional.of(docs)
        : Optional.empty();
  }

  public void recordTest(LastTest result) {
    this.lastTest = result;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** What people and agents see as the connection's name: the label, else the base URL's host. */
  public String displayName() {
    return label != null ? label : baseUrl().host();
  }

  /**
   * The name agents' tools for this connection start from (an agent that has another connection of
   * the same name sees it with a suffix): fixed when the connection was created.
   */
  public String toolName() {
    return toolName != null ? toolName : ToolName.from(displayName());
  }

  /** Whether the tool name was stored (connections from before stable names have none yet). */
  public boolean hasStoredToolName() {
    return toolName != null;
  }

  /** Derives the tool name from the display name again; returns whether it changed. */
  public boolean renameTool() {
    String derived = ToolName.from(displayName());
    boolean changed = !derived.equals(toolName);
    toolName = derived;
    return changed;
  }

  public BaseUrl baseUrl() {
    ParsedBaseUrl parsed = parsedBaseUrl;
    if (parsed == null || !parsed.text().equals(baseUrl)) {
      // an agent call reads the base URL several times; connections are kept in memory
      parsed = new ParsedBaseUrl(baseUrl, BaseUrl.parse(baseUrl));
      parsedBaseUrl = parsed;
    }
    return parsed.url();
  }

  /** The base URL as parsed, with the text it was parsed from (immutable, so safely shared). */
  private record ParsedBaseUrl(String text, BaseUrl url) {}

  public AuthType authType() {
    return authType;
  }

  public Optional<String> authName() {
    return Optional.ofNullable(authName);
  }

  public boolean hasSecret() {
    return secret != null;
  }

  public boolean isSecretAvailable() {
    return secret != null && secret.isAvailable();
  }

  public Optional<String> secretKeyId() {
    return secret == null ? Optional.empty() : secret.keyId();
  }

  public Optional<String> docsUrl() {
    return Optional.ofNullable(docsUrl);
  }

  /** The token endpoint and its settings; present for OAuth 2.0 connections only. */
  public Optional<OAuthSettings> oauth() {
    if (authType != AuthType.OAUTH2_CLIENT_CREDENTIALS || oauthTokenUrl == null) {
      return Optional.empty();
    }
    return Optional.of(
        new OAuthSettings(
            oauthTokenUrl,
            oauthScope,
            oauthAudience,
            OAuthSettings.ClientAuth.fromWire(oauthClientAuth).orElse(null)));
  }

  /** What agents may do through this connection (docs/api.md "Per-connection policy"). */
  public CallPolicy policy() {
    CallPolicy parsed = policy;
    if (parsed == null) {
      parsed = CallPolicy.fromColumns(policyMethods, policyPaths);
      policy = parsed;
    }
    return parsed;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<LastTest> lastTest() {
    return lastTest != null && lastTest.isPresent() ? Optional.of(lastTest) : Optional.empty();
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Connection that && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  @Override
  public String toString() {
    return "Connection[" + id + ", " + baseUrl + ", " + authType + "]";
  }
}
