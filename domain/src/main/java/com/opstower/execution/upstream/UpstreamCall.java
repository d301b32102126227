package com.opstower.execution.upstream;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.glassfish.jersey.client.ClientProperties;

/**
 * One exchange, run on the calling thread with its {@link UpstreamExchange} published: send, read
 * the headers, read a bounded window of the body, then release the connection (body read to its
 * end) or abort it (anything else).
 */
final class UpstreamCall {

  private static final byte[] NO_BYTES = new byte[0];

  /** A body read that broke after the status and headers had arrived. */
  static final class BodyReadException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyReadException(IOException cause) {
      super("The response body could not be read.", cause);
    }
  }

  private UpstreamCall() {}

  static UpstreamResponse perform(
      Client client,
      UpstreamExchange exchange,
      UpstreamRequest request,
      ResponseReader reader,
      SecretRedactor redactor,
      long startNanos)
      throws IOException {
    Response response = send(client, exchange, request);
    boolean released = false;
    try {
      int status = response.getStatus();
      Map<String, String> headers = ResponseReader.headers(response.getStringHeaders(), redactor);
      EndAwareInputStream body = new EndAwareInputStream(entityStream(response));
      ReadBody read;
      try {
        read =
            reader.read(
                body,
                response.getHeaderString("Content-Type"),
                response.getHeaderString("Content-Encoding"),
                redactor);
      } catch (IOException e) {
        throw new BodyReadException(e);
      }
      released = body.reachedEnd() && exchange.finish();
      long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      return new UpstreamResponse(status, headers, read, durationMs);
    } finally {
      if (!released) {
        // before close(): closing an unfinished body drains it, forever if it never ends
        exchange.abort();
      }
      closeQuietly(response);
    }
  }

  private static Response send(Client client, UpstreamExchange exchange, UpstreamRequest request) {
    int remaining = exchange.remainingMillis();
    // the prebuilt URI as is: no path() or queryParam() that would template or re-encode it
    Invocation.Builder builder =
        client
            .target(request.uri())
            .request()
            .property(ClientProperties.CONNECT_TIMEOUT, remaining)
            .property(ClientProperties.READ_TIMEOUT, remaining);
    for (Header header : exchange.wireHeaders().headers()) {
      // Content-Type goes on the wire as the agent wrote it (WireHeaders); Jersey only needs a
      // type it can pick a writer for and must not re-parse or re-format the agent's text
      if (!header.getName().equalsIgnoreCase("Content-Type")) {
        builder.header(header.getName(), header.getValue());
      }
    }
    String method = request.method().name();
    if (!request.method().allowsBody()) {
      return builder.method(method);
    }
    // a body-carrying method without a body still sends "Content-Length: 0"
    byte[] bytes = request.body().isPresent() ? request.body().bytes() : NO_BYTES;
    return builder.method(method, Entity.entity(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE));
  }

  private static InputStream entityStream(Response response) {
    InputStream stream = response.readEntity(InputStream.class);
    return stream == null ? new ByteArrayInputStream(NO_BYTES) : stream;
  }

  private static void closeQuietly(Response response) {
    try {
      response.close();
    } catch (ProcessingException | IllegalStateException e) {
      // an aborted exchange fails to close cleanly; its connection is discarded either way
    }
  }
}
