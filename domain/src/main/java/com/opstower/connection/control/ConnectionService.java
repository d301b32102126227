package com.opstower.connection.control;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.connection.entity.DocsSummary;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.connection.entity.LastTest;
import com.opstower.connection.entity.OAuthSettings;
import com.opstower.persistence.ChangeGeneration;
import com.opstower.persistence.Timestamps;
import com.opstower.problem.NotFound;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Creates, changes and removes connections; the single home of their business rules. */
@ApplicationScoped
@Transactional
public class ConnectionService {

  /** Ordered as the contract asks: by label, where a missing label reads as the host. */
  public static final Comparator<Connection> BY_LABEL =
      Comparator.comparing((Connection c) -> c.displayName().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(Connection::id);

  @PersistenceContext EntityManager em;

  @Inject Event<ConnectionDeleted> deleted;

  @Inject Event<ToolRenamed> renamed;

  @Inject Event<DocsToRead> docsToRead;

  @Inject ChangeGeneration generation;

  private final ConnectionValidator validator = new ConnectionValidator();

  public Connection create(ConnectionDraft draft) {
    requireValid(validator.validate(draft, false));
    Connection connection =
        new Connection(detailsOf(draft, CallPolicy.any()), draft.secret(), Timestamps.now());
    em.persist(connection);
    em.flush();
    connection.docsUrl().ifPresent(url -> docsToRead.fire(new DocsToRead(connection.id())));
    return connection;
  }

  /**
   * Validates a draft without storing it (the unsaved Test Connection); {@code secretStored} as for
   * {@link ConnectionValidator#validate}.
   */
  public ConnectionDetails validateDraft(ConnectionDraft draft, boolean secretStored) {
    requireValid(validator.validate(draft, secretStored));
    return detailsOf(draft, CallPolicy.any());
  }

  public Connection update(String id, ConnectionDraft draft) {
    return update(id, draft, false);
  }

  /**
   * @param renameTool whether the tool name follows the new label (the form asks; the tool keeps
   *     its name otherwise, since agents and their prompts name it)
   */
  public Connection update(String id, ConnectionDraft draft, boolean renameTool) {
    Connection connection = get(id);
    boolean keepsSecret = keepsStoredSecret(connection, draft);
    List<FieldError> errors = validator.validate(draft, keepsSecret);
    requireValid(explainOriginChange(connection, draft, errors));
    Instant now = Timestamps.now();
    connection.update(detailsOf(draft, connection.policy()), draft.secret(), now);
    if (renameTool && connection.renameTool()) {
      renamed.fire(new ToolRenamed(connection.id(), connection.toolName(), now));
    }
    em.flush();
    if (connection.docsUrl().isPresent() && connection.docs().isEmpty()) {
      docsToRead.fire(new DocsToRead(connection.id()));
    }
    return connection;
  }

  /** Stores the tool name of connections from before stable names; returns how many. */
  public int storeMissingToolNames() {
    int stored = 0;
    for (Connection connection : list()) {
      if (!connection.hasStoredToolName()) {
        connection.renameTool();
        stored++;
      }
    }
    return stored;
  }

  /**
   * Removes the connection. Whoever refers to it learns of it through {@link ConnectionDeleted},
   * observed synchronously in this transaction (the agents that had it enabled drop it), before the
   * row goes.
   */
  public void delete(String id) {
    Connection connection = get(id);
    deleted.fire(new ConnectionDeleted(id, Timestamps.now()));
    em.remove(connection);
  }

  /**
   * Keeps what a documentation fetch found, unless the documentation URL changed meanwhile (then
   * the fetch for the new URL will store its own) or the base URL did (its operations would be
   * relative to the old one). Returns the connection as it now is.
   *
   * <p>Written by one statement that leaves the row's version alone: a read finishing in the
   * background must not make the admin's next save of the connection fail as a conflicting edit.
   */
  public Connection recordDocs(String id, DocsSummary found, String readForBaseUrl) {
    int stored =
        em.createNativeQuery(
                "UPDATE connections SET docs_kind = ?, docs_title = ?, docs_operations = ?,"
                    + " docs_catalogue = ?, docs_fetched_at = ?, docs_message = ?, docs_source = ?"
                    + " WHERE id = ? AND docs_url = ? AND base_url = ?")
            .setParameter(1, found.kind().wire())
            .setParameter(2, found.title().orElse(null))
            // never null: a null parameter is bound as text, which PostgreSQL refuses for a number
            .setParameter(3, found.operationCount().orElse(0))
            .setParameter(4, found.catalogueColumn())
            .setParameter(5, java.sql.Timestamp.from(found.fetchedAt()))
            .setParameter(6, found.message().orElse(null))
            .setParameter(7, found.source().orElseThrow())
            .setParameter(8, id)
            .setParameter(9, found.source().orElseThrow())
            // operations are relative to the base URL they were read for
            .setParameter(10, readForBaseUrl)
            .executeUpdate();
    if (stored > 0) {
      generation.changed();
    }
    return get(id);
  }

  public void recordTest(String id, LastTest result) {
    get(id).recordTest(result);
  }

  /**
   * {@link #find} in a transaction of its own, for threads outside a request (a managed executor's
   * task), where an entity manager used without a transaction is not reliably open.
   */
  public Optional<Connection> load(String id) {
    return find(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Connection> find(String id) {
    return Optional.ofNullable(id).map(key -> em.find(Connection.class, key));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Connection get(String id) {
    return find(id).orElseThrow(() -> NotFound.of("connection", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Connection> list() {
    List<Connection> all =
        new ArrayList<>(em.createNamedQuery(Connection.FIND_ALL, Connection.class).getResultList());
    all.sort(BY_LABEL);
    return all;
  }

  /** Whether saving {@code draft} without a secret would keep the stored one. */
  public static boolean keepsStoredSecret(Connection connection, ConnectionDraft draft) {
    AuthType type = AuthType.fromWire(draft.authType()).orElse(null);
    if (type == null || !connection.hasSecret()) {
      return false;
    }
    try {
      return connection.keepsSecretFor(
          type,
          BaseUrl.parse(draft.baseUrl()),
          draft.oauth() == null ? null : draft.oauth().tokenUrl());
    } catch (IllegalArgumentException invalidUrl) {
      // the base URL error is reported on its own field
      return type == connection.authType();
    }
  }

  /** A blank secret after an origin change gets a message that says why it is needed again. */
  private static List<FieldError> explainOriginChange(
      Connection connection, ConnectionDraft draft, List<FieldError> errors) {
    boolean sameType = AuthType.fromWire(draft.authType()).orElse(null) == connection.authType();
    if (!connection.hasSecret() || !sameType) {
      return errors;
    }
    String secretField = ConnectionFields.secretField(connection.authType()).orElse("");
    List<FieldError> explained = new ArrayList<>();
    for (FieldError error : errors) {
      explained.add(
          error.field().equals(secretField)
              ? new FieldError(
                  secretField,
                  "The base URL now points to a different origin (scheme, host or port). Enter"
                      + " the secret again so the stored one is never sent to the new host.")
              : error);
    }
    return explained;
  }

  private static void requireValid(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : "Fix these fields: "
                  + String.join(", ", errors.stream().map(FieldError::field).toList())
                  + ".";
      throw new ProblemException(ProblemCode.INVALID_REQUEST, detail, errors);
    }
  }

  /** {@code unsaidPolicy}: the policy when the draft says none (see {@link ConnectionDraft}). */
  private static ConnectionDetails detailsOf(ConnectionDraft draft, CallPolicy unsaidPolicy) {
    AuthType type = AuthType.fromWire(draft.authType()).orElseThrow();
    String authName =
        switch (type) {
          case API_KEY_HEADER -> draft.headerName();
          case BASIC -> draft.username();
          case QUERY_PARAM -> draft.paramName();
          case OAUTH2_CLIENT_CREDENTIALS -> draft.oauth().clientId();
          case BEARER, NONE -> null;
        };
    OAuthSettings oauth =
        type == AuthType.OAUTH2_CLIENT_CREDENTIALS
            ? new OAuthSettings(
                draft.oauth().tokenUrl(),
                draft.oauth().scope(),
                draft.oauth().audience(),
                OAuthSettings.ClientAuth.fromWire(draft.oauth().clientAuth()).orElse(null))
            : null;
    return new ConnectionDetails(
        draft.label(),
        BaseUrl.parse(draft.baseUrl()),
        type,
        authName,
        draft.docsUrl() == null ? null : DocsUrl.parse(draft.docsUrl()).toString(),
        draft.description(),
        draft.policy() == null
            ? unsaidPolicy
            : CallPolicy.of(draft.policy().methods(), draft.policy().paths()),
        oauth);
  }
}
