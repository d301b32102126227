package com.opstower.execution.upstream;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.answersOk;
import static com.opstower.execution.upstream.UpstreamTesting.awaitWorkersFree;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.millisSince;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The total deadline and the response cap against upstreams that misbehave on purpose: the caller
 * gets an answer on time, and the worker thread and its connection are freed as well.
 */
class UpstreamClientDeadlineTest {

  private static final int CAP = 64 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"headers", "body"})
  void upstreamTricklingAByteEveryHalfSecondTimesOutAtTheDeadline(String trickled)
      throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
    RawUpstream.Script trickle =
        (server, in, out) -> {
          server.readRequest(in);
          int sentAtOnce = trickled.equals("body") ? head.length() : 9;
          server.write(out, head.substring(0, sentAtOnce));
          String rest = head.substring(sentAtOnce) + "x".repeat(1000);
          for (char c : rest.toCharArray()) {
            RawUpstream.sleep(500);
            server.write(out, String.valueOf(c));
          }
        };
    try (RawUpstream server = new RawUpstream(trickle);
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(2), 2)) {
      long start = System.nanoTime();
      ProblemException problem =
          assertProblem(
              ProblemCode.UPSTREAM_TIMEOUT,
              () -> client.exchange(get(server.url("/slow")), reader(CAP), SecretRedactor.none()));

      long elapsed = millisSince(start);
      assertTrue(elapsed >= 1800 && elapsed <= 4000, "timed out after " + elapsed + " ms");
      assertEquals("The API did not answer within 2 seconds.", problem.detail());
      assertTrue(server.sawClientHangUp(2000), "the connection must be closed at the deadline");
      awaitWorkersFree(client, 1000);
    }
  }

  @Test
  void upstreamThatAcceptsButNeverAnswersTimesOutAtTheDeadline() throws Exception {
    try (RawUpstream server =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  RawUpstream.sleep(20_000);
                });
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofMillis(1000), 2)) {
      long start = System.nanoTime();
      ProblemException problem =
          assertProblem(
              ProblemCode.UPSTREAM_TIMEOUT,
              () -> client.exchange(get(server.url("/")), reader(CAP), SecretRedactor.none()));

      long elapsed = millisSince(start);
      assertTrue(elapsed >= 900 && elapsed <= 2500, "timed out after " + elapsed + " ms");
      assertEquals("The API did not answer within 1 second.", problem.detail());
      awaitWorkersFree(client, 1000);
    }
  }

  @Test
  void tlsHandshakeThatNeverCompletesTimesOutAndFreesTheWorker() throws Exception {
    try (RawUpstream server =
            new RawUpstream(
                (s, in, out) -> {
                  in.read(); // takes the ClientHello, never answers it
                  RawUpstream.sleep(20_000);
                });
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofMillis(1000), 1)) {
      long start = System.nanoTime();
      assertProblem(
          ProblemCode.UPSTREAM_TIMEOUT,
          () ->
              client.exchange(
                  get("https://127.0.0.1:" + server.port() + "/"),
                  reader(CAP),
                  SecretRedactor.none()));

      long elapsed = millisSince(start);
      assertTrue(elapsed >= 900 && elapsed <= 2500, "timed out after " + elapsed + " ms");
      awaitWorkersFree(client, 1000);
    }
  }

  @Test
  void twentyMegabyteBodyIsCutAtTheCapAndTheTransferAborted() throws Exception {
    long size = 20L * 1024 * 1024;
    try (RawUpstream server =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  s.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
                  s.write(out, "Content-Length: " + size + "\r\n\r\n");
                  writeForever(s, out, size);
                });
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(10), 2)) {
      long start = System.nanoTime();
      UpstreamResponse response =
          client.exchange(get(server.url("/big")), reader(CAP), SecretRedactor.none());

      assertTrue(millisSince(start) < 3000, "took " + millisSince(start) + " ms");
      assertTrue(response.body().truncated());
      assertEquals(CAP, response.body().bodyBytes());
      assertTrue(server.sawClientHangUp(3000), "the client must hang up, not drain the body");
      assertTrue(server.bytesWritten() < size, "the upstream could not send everything");
      awaitWorkersFree(client, 1000);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"close-delimited", "chunked"})
  void endlessBodyIsCutPromptlyAndTheWorkerFreed(String framing) throws Exception {
    boolean chunked = framing.equals("chunked");
    try (RawUpstream server =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  s.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
                  s.write(
                      out,
                      chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Connection: close\r\n\r\n");
                  if (chunked) {
                    String chunk = "[1,2,3,4]\n".repeat(819) + "[1"; // 8192 bytes
                    while (true) {
                      s.write(out, "2000\r\n" + chunk + "\r\n");
                    }
                  }
                  writeForever(s, out, Long.MAX_VALUE);
                });
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(10), 1)) {
      long start = System.nanoTime();
      UpstreamResponse response =
          client.exchange(get(server.url("/stream")), reader(CAP), SecretRedactor.none());

      assertTrue(millisSince(start) < 3000, "took " + millisSince(start) + " ms");
      assertTrue(response.body().truncated());
      assertTrue(server.sawClientHangUp(3000), "the endless transfer must be aborted");
      awaitWorkersFree(client, 1000);
    }
  }

  /**
   * The second call reuses the first call's connection, so its socket was not opened by the
   * exchange being aborted: cancelling the HttpClient request must close it all the same.
   */
  @ParameterizedTest
  @ValueSource(strings = {"trickle", "endless"})
  void anExchangeOnAReusedConnectionIsAbortedToo(String misbehaviour) throws Exception {
    RawUpstream.Script okThenMisbehave =
        (s, in, out) -> {
          s.readRequest(in);
          s.write(out, UpstreamTesting.OK_RESPONSE);
          s.readRequest(in);
          s.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
          s.write(out, "Content-Length: 100000000\r\n\r\n");
          if (misbehaviour.equals("endless")) {
            writeForever(s, out, Long.MAX_VALUE);
          }
          while (true) {
            RawUpstream.sleep(300);
            s.write(out, "x");
          }
        };
    try (RawUpstream server = new RawUpstream(okThenMisbehave);
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofMillis(1500), 1)) {
      assertEquals(
          200, client.exchange(get(server.url("/1")), reader(CAP), SecretRedactor.none()).status());

      long start = System.nanoTime();
      if (misbehaviour.equals("endless")) {
        assertTrue(
            client
                .exchange(get(server.url("/2")), reader(CAP), SecretRedactor.none())
                .body()
                .truncated());
      } else {
        assertProblem(
            ProblemCode.UPSTREAM_TIMEOUT,
            () -> client.exchange(get(server.url("/2")), reader(CAP), SecretRedactor.none()));
      }

      assertTrue(millisSince(start) < 3000, "took " + millisSince(start) + " ms");
      assertEquals(1, server.acceptedConnections(), "the second call reused the connection");
      assertTrue(server.sawClientHangUp(2000), "the reused connection must be closed");
      awaitWorkersFree(client, 1000);
    }
  }

  @Test
  void thePoolStillWorksAfterManyAbortedCalls() throws Exception {
    try (RawUpstream endless =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  s.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
                  writeForever(s, out, Long.MAX_VALUE);
                });
        RawUpstream silent =
            new RawUpstream(
                (s, in, out) -> {
                  s.readRequest(in);
                  RawUpstream.sleep(20_000);
                });
        RawUpstream healthy = new RawUpstream(answersOk());
        UpstreamClient client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofMillis(400), 2)) {
      for (int i = 0; i < 10; i++) {
        assertTrue(
            client
                .exchange(get(endless.url("/")), reader(1024), SecretRedactor.none())
                .body()
                .truncated());
      }
      for (int i = 0; i < 3; i++) {
        assertProblem(
            ProblemCode.UPSTREAM_TIMEOUT,
            () -> client.exchange(get(silent.url("/")), reader(1024), SecretRedactor.none()));
      }
      awaitWorkersFree(client, 1000);

      for (int i = 0; i < 4; i++) {
        assertEquals(
            200,
            client.exchange(get(healthy.url("/")), reader(1024), SecretRedactor.none()).status());
      }
      assertEquals(10, endless.acceptedConnections(), "an aborted connection is never reused");
    }
  }

  private static void writeForever(RawUpstream server, OutputStream out, long limit)
      throws IOException {
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, (byte) 'a');
    for (long sent = 0; sent < limit; sent += block.length) {
      server.write(out, block);
    }
  }
}
