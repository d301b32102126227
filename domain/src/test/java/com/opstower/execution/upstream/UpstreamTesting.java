package com.opstower.execution.upstream;

import static org.junit.jupiter.api.Assertions.fail;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.execution.request.OutboundBody;
import com.opstower.execution.request.RequestMethod;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ResponseReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared pieces of the upstream client tests: policies, requests, waiting for workers. */
final class UpstreamTesting {

  /** Loopback allowed: every test upstream runs on 127.0.0.1. */
  static final EgressPolicy LOOPBACK_ALLOWED = new EgressPolicy(true, true, List.of(), List.of());

  static final String OK_RESPONSE =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

  private UpstreamTesting() {}

  static UpstreamRequest get(String url) {
    return new UpstreamRequest(RequestMethod.GET, URI.create(url), Map.of(), null);
  }

  static UpstreamRequest request(
      RequestMethod method, String url, Map<String, String> headers, OutboundBody body) {
    return new UpstreamRequest(method, URI.create(url), headers, body);
  }

  static ResponseReader reader(int capBytes) {
    return new ResponseReader(capBytes);
  }

  static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Answers every request on the connection with "ok", keeping the connection open. */
  static RawUpstream.Script answersOk() {
    return (server, in, out) -> {
      while (server.readRequest(in) != null) {
        server.write(out, OK_RESPONSE);
      }
    };
  }

  /** Fails unless every worker of {@code client} is free again within {@code millis}. */
  static void awaitWorkersFree(UpstreamClient client, long millis) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (client.callsInProgress() > 0) {
      if (System.nanoTime() > until) {
        fail("a worker is still busy " + millis + " ms later");
      }
      Thread.sleep(10);
    }
  }
}
