package com.opstower.execution.control;

import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Fetches a connection's API documentation for an agent, through the egress policy and deadline.
 * The credential goes along only when the docs live on the base URL's own origin; it is redacted
 * from the answer either way.
 */
@ApplicationScoped
public class DocsFetcher {

  @Inject AgentRuntime runtime;

  @Inject UpstreamClient upstream;

  @Inject ExecutorSettings settings;

  /** The contract's docs answer. */
  public record Docs(String url, String contentType, String body, boolean truncated) {}

  public Docs fetch(String agentId, String connectionId) {
    Connection connection = runtime.enabledConnection(agentId, connectionId);
    String docsUrl =
        connection
            .docsUrl()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemCode.NOT_FOUND,
                        "The connection '"
                            + connection.displayName()
                            + "' has no API documentation URL."));
    DocsUrl docs = DocsUrl.parse(docsUrl);
    Credentials credentials = Credentials.of(connection);
    boolean sameOrigin = docs.sameOrigin(connection.baseUrl());
    UpstreamRequest request =
        new UpstreamRequest(
            RequestMethod.GET,
            sameOrigin ? withCredentialParameter(docs, credentials) : docs.toUri(),
            sameOrigin ? credentials.injection().headers() : Map.of(),
            OutboundBody.none());
    UpstreamResponse response =
        upstream.exchange(
            request, new ResponseReader(settings.docsMaxBytes()), credentials.redactor());
    ReadBody body = response.body();
    return new Docs(docsUrl, body.contentType(), body.body(), body.truncated());
  }

  /** A query-parameter credential is appended to the docs URL's own query, like on requests. */
  private static java.net.URI withCredentialParameter(DocsUrl docs, Credentials credentials) {
    QueryCredential credential = credentials.injection().queryCredential();
    if (credential == null) {
      return docs.toUri();
    }
    java.net.URI uri = docs.toUri();
    String raw = uri.getRawQuery();
    String added =
        PercentCodec.encode(credential.name(), "")
            + "="
            + PercentCodec.encode(credential.value(), "");
    return java.net.URI.create(
        uri.getScheme()
            + "://"
            + uri.getRawAuthority()
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + "?"
            + (raw == null || raw.isEmpty() ? added : raw + "&" + added));
  }
}
