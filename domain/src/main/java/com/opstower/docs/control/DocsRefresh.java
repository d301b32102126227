package com.opstower.docs.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.control.DocsToRead;
import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsSummary;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.execution.control.AccessTokens;
import com.opstower.execution.control.CallRecorder;
import com.opstower.execution.control.DocsFetcher;
import com.opstower.execution.control.ExecutorConfiguration;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.OutboundRequests;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.UpstreamResponse;
import com.opstower.execution.upstream.WaitedExchange;
import com.opstower.openapi.ApiDocuments;
import com.opstower.openapi.DocsReading;
import com.opstower.persistence.Timestamps;
import com.opstower.problem.NotFound;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches a connection's documentation URL and stores what it serves (docs/api.md "OpenAPI-aware
 * documentation"): after a save that set a new URL (in the background, so the save does not wait)
 * and on {@code POST /api/v1/connections/{id}/docs/refresh}. Every fetch is an activity entry of
 * kind {@code docs}, without an agent.
 */
@ApplicationScoped
public class DocsRefresh {

  private static final Logger LOG = Logger.getLogger(DocsRefresh.class.getName());

  @Inject ConnectionService connections;

  @Inject WaitedExchange upstream;

  @Inject CallRecorder recorder;

  @Inject AccessTokens tokens;

  @Inject ExecutorConfiguration configuration;

  @Resource ManagedExecutorService background;

  /** Fetches now and returns the connection with what was found. */
  public Connection refresh(String connectionId) {
    Connection connection =
        connections.load(connectionId).orElseThrow(() -> NotFound.of("connection", connectionId));
    if (connection.docsUrl().isEmpty()) {
      return connection;
    }
    return connections.recordDocs(connectionId, read(connection), connection.baseUrl().toString());
  }

  /** A save set a documentation URL to read: fetched once the save has committed. */
  void onSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocsToRead saved) {
    try {
      background.execute(() -> refreshQuietly(saved.connectionId()));
    } catch (RejectedExecutionException busy) {
      LOG.warning(
          "The documentation of connection "
              + saved.connectionId()
              + " was not fetched: the server is busy. Refresh it from the connection's page.");
    }
  }

  private void refreshQuietly(String connectionId) {
    try {
      refresh(connectionId);
    } catch (ProblemException deleted) {
      // deleted before its documentation was read: nothing to store
      LOG.fine(() -> "Connection " + connectionId + " is gone: " + deleted.code());
    } catch (RuntimeException failure) {
      LOG.log(
          Level.INFO,
          "The documentation of connection {0} was not stored ({1}); refresh it from its page.",
          new Object[] {connectionId, failure.getClass().getSimpleName()});
      LOG.log(Level.FINE, "Storing the documentation failed", failure);
    }
  }

  /** Fetches the documentation URL and reads it; never throws for what the upstream does. */
  DocsSummary read(Connection connection) {
    String url = connection.docsUrl().orElseThrow();
    DocsUrl docs = DocsUrl.parse(url);
    String path = docs.toUri().getRawPath();
    CallRecorder.Call recorded =
        new CallRecorder.Call(ActivityEntry.Kind.DOCS, null, connection.id(), "GET", path);
    long started = System.nanoTime();
    DocsReading reading;
    try {
      OutboundRequests.Prepared prepared =
          OutboundRequests.docs(
              connection, docs, DocsFetcher.docsCredentials(tokens, connection, docs));
      UpstreamResponse response =
          upstream.exchange(
              prepared.request(),
              new ResponseReader(Math.max(1, configuration.specMaxBytes())),
              prepared.redactor());
      ReadBody body = response.body();
      recorder.answered(recorded, started, response.status(), body.bodyBytes(), body.truncated());
      reading =
          redacted(
              readAnswer(response, path, connection.baseUrl(), configuration.specMaxBytes()),
              prepared.redactor());
    } catch (ProblemException failure) {
      recorder.failed(recorded, started, failure.code().code());
      reading = DocsReading.error("The document could not be fetched: " + failure.detail());
    } catch (RuntimeException unexpected) {
      recorder.failed(recorded, started, ProblemCode.INTERNAL_ERROR.code());
      LOG.log(
          Level.WARNING,
          "Reading the documentation of connection " + connection.id() + " failed",
          unexpected);
      reading =
          DocsReading.error(
              "The document could not be read because of an error in OpsTower; see the server log.");
    }
    return new DocsSummary(
        reading.kind(),
        reading.title(),
        reading.operations(),
        reading.operationCount(),
        Timestamps.now(),
        reading.message(),
        url);
  }

  /**
   * The reading with every text redacted once more: the body was redacted, but parsing builds new
   * text (server variables filled in, a server path joined to a template, YAML line continuations),
   * which could spell a secret the raw text did not.
   */
  static DocsReading redacted(DocsReading reading, SecretRedactor redactor) {
    return new DocsReading(
        reading.kind(),
        reading.title() == null ? null : redactor.redact(reading.title()),
        reading.operations().stream()
            .map(
                op ->
                    new ApiOperation(
                        op.method(), redactor.redact(op.path()), redactor.redact(op.summary())))
            .toList(),
        reading.operationCount(),
        reading.message() == null ? null : redactor.redact(reading.message()));
  }

  static DocsReading readAnswer(
      UpstreamResponse response, String path, BaseUrl baseUrl, int specMaxBytes) {
    int status = response.status();
    ReadBody body = response.body();
    if (status < 200 || status > 299) {
      return DocsReading.error(
          "The documentation URL answered HTTP "
              + status
              + (status >= 300 && status < 400
                  ? " (a redirect, which OpsTower does not follow)"
                  : "")
              + "; fix the URL or make the document readable"
              + (status == 401 || status == 403 ? " with the connection's credentials." : "."));
    }
    if (body.truncated()) {
      return DocsReading.error(
          "The document is larger than "
              + sizeText(specMaxBytes)
              + " (opstower.docs.spec-max-bytes); it was not read.");
    }
    if (body.body() == null) {
      return DocsReading.error(body.note() == null ? "The document is not text." : body.note());
    }
    return ApiDocuments.read(body.body(), body.contentType(), path, baseUrl);
  }

  static String sizeText(int bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }

  /** For the start-up: connections with a documentation URL that was never read. */
  public void readMissing() {
    List<String> unread =
        connections.list().stream()
            .filter(c -> c.docsUrl().isPresent() && c.docs().isEmpty())
            .map(Connection::id)
            .toList();
    unread.forEach(id -> onSaved(new DocsToRead(id)));
  }
}
