package com.opstower.execution.request;

import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.execution.credential.Credentials;
import com.opstower.execution.credential.SecretRedactor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the requests OpsTower sends upstream, one method per kind of call: an agent's request, a
 * docs fetch and Test Connection. Each applies its request policies in a fixed order, so the first
 * problem found is always the same, and injects the connection's credential last.
 */
public final class OutboundRequests {

  private static final HeaderPolicy HEADER_POLICY = new HeaderPolicy();

  /** A request ready to send, and the redactor that hides its credential in the answer. */
  public record Prepared(UpstreamRequest request, SecretRedactor redactor) {}

  /**
   * Whether a call the API answered 401 may be sent again with a new OAuth access token: only when
   * sending it twice cannot do the work twice (GET, PUT, DELETE) or nothing was in its body.
   */
  public static boolean retriableAfterRejection(UpstreamRequest request) {
    return !request.body().isPresent()
        || request.method() == RequestMethod.GET
        || request.method() == RequestMethod.PUT
        || request.method() == RequestMethod.DELETE;
  }

  private OutboundRequests() {}

  /**
   * An agent's request through the connection: method (and the connection's allowed methods), body,
   * credential, headers, path (and the connection's allowed paths) and query, checked in that order
   * (docs/security.md §1–3).
   *
   * @throws com.opstower.problem.ProblemException the first policy the call breaks
   */
  public static Prepared agentCall(Connection connection, AgentCall call, long maxRequestBytes) {
    return agentCall(connection, Credentials.of(connection), call, maxRequestBytes);
  }

  /** As {@link #agentCall(Connection, AgentCall, long)}, with the connection's credential ready. */
  public static Prepared agentCall(
      Connection connection, Credentials credentials, AgentCall call, long maxRequestBytes) {
    RequestMethod method = RequestMethod.parse(call.method());
    CallPolicy policy = connection.policy();
    PolicyCheck.method(policy, method);
    OutboundBody body =
        BodyRules.check(
            method, call.body() == null ? OutboundBody.none() : call.body(), maxRequestBytes);
    Map<String, String> headers =
        new LinkedHashMap<>(
            HEADER_POLICY.check(call.headers(), credentials.headerName().orElse(null)));
    PolicyCheck.path(policy, call.path());
    URI uri =
        OutboundUrl.build(
            connection.baseUrl().toUri(),
            call.path(),
            call.query() == null ? Map.of() : call.query(),
            credentials.queryCredential());
    headers.putAll(credentials.headers());
    return new Prepared(new UpstreamRequest(method, uri, headers, body), credentials.redactor());
  }

  /** Test Connection: one GET of the base URL itself, with the credential. */
  public static Prepared probe(Connection connection) {
    return probe(connection, Credentials.of(connection));
  }

  /** As {@link #probe(Connection)} with the credential ready (an OAuth access token obtained). */
  public static Prepared probe(Connection connection, Credentials credentials) {
    URI uri =
        OutboundUrl.build(
            connection.baseUrl().toUri(), "", Map.of(), credentials.queryCredential());
    return new Prepared(
        new UpstreamRequest(RequestMethod.GET, uri, credentials.headers(), OutboundBody.none()),
        credentials.redactor());
  }

  /**
   * A GET of the connection's documentation. The credential goes along only when the docs live on
   * the base URL's own origin; the redactor hides it from the answer either way.
   */
  public static Prepared docs(Connection connection, DocsUrl docs) {
    return docs(connection, docs, Credentials.of(connection));
  }

  /** As {@link #docs(Connection, DocsUrl)} with the credential ready. */
  public static Prepared docs(Connection connection, DocsUrl docs, Credentials credentials) {
    boolean sameOrigin = docs.sameOrigin(connection.baseUrl());
    UpstreamRequest request =
        new UpstreamRequest(
            RequestMethod.GET,
            sameOrigin
                ? OutboundUrl.withCredential(docs.toUri(), credentials.queryCredential())
                : docs.toUri(),
            sameOrigin ? credentials.headers() : Map.of(),
            OutboundBody.none());
    return new Prepared(request, credentials.redactor());
  }
}
