package com.opstower.execution.upstream;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.OK_RESPONSE;
import static com.opstower.execution.upstream.UpstreamTesting.answersOk;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static com.opstower.execution.upstream.UpstreamTesting.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.OutboundBody;
import com.opstower.execution.request.RequestMethod;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ReadBody;
import com.opstower.execution.response.ResponseReader;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile answers (docs/security.md §9): each is a 502 whose detail names the fault (504
 * at the deadline), never an internal error, and none of them costs the next call on another
 * upstream anything: the same shared client answers it, unrebuilt, and reports itself usable.
 */
class UpstreamClientHostileAnswerTest {

  private UpstreamClient client;
  private RawUpstream healthy;

  @BeforeEach
  void start() throws IOException {
    client = new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(2), 4);
    healthy = new RawUpstream(answersOk());
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    healthy.close();
  }

  private String refused(ProblemCode code, RawUpstream.Script script) throws IOException {
    try (RawUpstream hostile = new RawUpstream(script)) {
      ProblemException problem =
          assertProblem(
              code, () -> client.exchange(get(hostile.url("/x")), reader(100), redactor()));
      assertTheNextCallElsewhereIsUnharmed();
      return problem.detail();
    }
  }

  private void assertTheNextCallElsewhereIsUnharmed() {
    UpstreamResponse next = client.exchange(get(healthy.url("/ok")), reader(100), redactor());
    assertEquals(200, next.status());
    assertEquals("ok", next.body().body());
    assertEquals(Optional.empty(), client.checkAndRepair());
    assertEquals(0, client.rebuilds());
  }

  private static SecretRedactor redactor() {
    return new SecretRedactor(java.util.List.of("tok-SECRET-123456"));
  }

  private static RawUpstream.Script answers(String head) {
    return (s, in, out) -> {
      s.readRequest(in);
      s.write(out, head);
    };
  }

  @Test
  void aHeaderLineOfOneMegabyteIsAHeadTooLarge() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            (s, in, out) -> {
              s.readRequest(in);
              s.write(out, "HTTP/1.1 200 OK\r\nX-Big: ");
              byte[] chunk = "a".repeat(64 * 1024).getBytes();
              for (int i = 0; i < 16; i++) {
                s.write(out, chunk);
              }
              s.write(out, "\r\n\r\n");
            });

    assertTrue(detail.endsWith("a status or header line longer than 8 KiB)."), detail);
  }

  @Test
  void aStatusLineLongerThanTheLimitIsAHeadTooLarge() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            answers("HTTP/1.1 200 " + "O".repeat(9000) + "\r\nContent-Length: 0\r\n\r\n"));

    assertTrue(detail.contains("its response head was too large"), detail);
  }

  @Test
  void moreThanOneHundredFieldsIsAHeadTooLarge() throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 300; i++) {
      head.append("X-H").append(i).append(": ").append("v".repeat(1000)).append("\r\n");
    }
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            answers(head.append("Content-Length: 0\r\n\r\n").toString()));

    assertTrue(detail.endsWith("(more than 100 header fields)."), detail);
  }

  @Test
  void moreThanSixtyFourKibibytesOfFieldsIsAHeadTooLarge() throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 90; i++) {
      head.append("X-H").append(i).append(": ").append("v".repeat(8000)).append("\r\n");
    }
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            answers(head.append("Content-Length: 0\r\n\r\n").toString()));

    assertTrue(detail.endsWith("(more than 64 KiB of header fields)."), detail);
  }

  @Test
  void aGarbageStatusLineIsNotHttp() throws IOException {
    String detail =
        refused(ProblemCode.UPSTREAM_UNREACHABLE, answers("HELLO THERE\r\nfoo: bar\r\n\r\n"));

    assertTrue(detail.contains("no valid status line"), detail);
  }

  @Test
  void anHttp09AnswerIsNotHttp() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            answers("<html>just a body, no head, tok-SECRET-123456</html>\n"));

    assertTrue(detail.contains("HTTP/0.9"), detail);
  }

  @Test
  void endlessInterimAnswersAreRefused() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            (s, in, out) -> {
              s.readRequest(in);
              for (int i = 0; i < 10_000; i++) {
                s.write(out, "HTTP/1.1 102 Processing\r\n\r\n");
              }
            });

    assertTrue(detail.contains("more than 10 interim (1xx) answers"), detail);
  }

  @Test
  void aContentLengthThatLiesIsABrokenBody() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            answers("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nmuch less than that"));

    assertTrue(detail.contains("before the response body was complete"), detail);
  }

  @Test
  void aResetMidBodyIsNamed() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_UNREACHABLE,
            (s, in, out) -> {
              s.readRequest(in);
              s.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
              s.write(out, "x".repeat(10));
              RawUpstream.sleep(100);
              s.reset();
            });

    assertTrue(
        detail.contains("reset while the response body was being read")
            || detail.contains("before the response body was complete"),
        detail);
  }

  @Test
  void aHeadTrickledByteByByteTimesOut() throws IOException {
    String detail =
        refused(
            ProblemCode.UPSTREAM_TIMEOUT,
            (s, in, out) -> {
              s.readRequest(in);
              for (byte b :
                  "HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes()) {
                s.write(out, new byte[] {b});
                RawUpstream.sleep(200);
              }
            });

    assertTrue(detail.contains("did not answer within 2 seconds"), detail);
  }

  @Test
  void anErrorWhileReadingCostsOnlyThatCallAndTheClientIsRebuilt() {
    ResponseReader exploding =
        new ResponseReader(100) {
          @Override
          public ReadBody read(
              InputStream in, String contentType, String encoding, SecretRedactor redactor) {
            throw new OutOfMemoryError("simulated: an answer too large to hold");
          }
        };

    ProblemException problem =
        assertProblem(
            ProblemCode.UPSTREAM_UNREACHABLE,
            () -> client.exchange(get(healthy.url("/boom")), exploding, redactor()));

    assertTrue(problem.detail().contains("could not be processed"), problem.detail());
    assertEquals(1, client.rebuilds());
    UpstreamResponse next = client.exchange(get(healthy.url("/ok")), reader(100), redactor());
    assertEquals(200, next.status());
    assertEquals(Optional.empty(), client.checkAndRepair());
  }

  @Test
  void aPoolClosedBehindTheClientsBackIsReportedOnceAndRebuilt() {
    client.currentStack().closePoolBehindTheClientsBack();

    assertTrue(client.checkAndRepair().orElseThrow().contains("rebuilt"));
    assertEquals(Optional.empty(), client.checkAndRepair());
    UpstreamResponse next = client.exchange(get(healthy.url("/ok")), reader(100), redactor());
    assertEquals(200, next.status());
  }

  @Test
  void aPoolClosedBehindTheClientsBackDoesNotFailTheNextCall() {
    client.currentStack().closePoolBehindTheClientsBack();

    UpstreamResponse next = client.exchange(get(healthy.url("/ok")), reader(100), redactor());

    assertEquals(200, next.status());
    assertEquals(1, client.rebuilds());
  }

  /** Answers one request per connection, keeps it open without saying so, then drops it. */
  private static RawUpstream.Script answersOnceThenDropsSilently() {
    return (s, in, out) -> {
      if (s.readRequest(in) != null) {
        s.write(out, OK_RESPONSE);
        RawUpstream.sleep(50);
      }
    };
  }

  @Test
  void aPooledConnectionTheUpstreamClosedIsRetriedOnANewOneForIdempotentMethods() throws Exception {
    try (RawUpstream dropping = new RawUpstream(answersOnceThenDropsSilently())) {
      assertEquals(200, client.exchange(get(dropping.url("/a")), reader(100), redactor()).status());
      Thread.sleep(300); // closed by the upstream, still inside the pool's stale-check window

      UpstreamResponse second = client.exchange(get(dropping.url("/b")), reader(100), redactor());

      assertEquals(200, second.status());
      assertEquals(2, dropping.acceptedConnections());
    }
  }

  @Test
  void aPostOnAPooledConnectionTheUpstreamClosedIsNotRepeated() throws Exception {
    try (RawUpstream dropping = new RawUpstream(answersOnceThenDropsSilently())) {
      assertEquals(200, client.exchange(get(dropping.url("/a")), reader(100), redactor()).status());
      Thread.sleep(300);

      UpstreamRequest post =
          request(RequestMethod.POST, dropping.url("/b"), Map.of(), OutboundBody.text("x", null));
      ProblemException problem =
          assertProblem(
              ProblemCode.UPSTREAM_UNREACHABLE,
              () -> client.exchange(post, reader(100), redactor()));

      assertTrue(problem.detail().contains("before sending a response head"), problem.detail());
      assertEquals(1, dropping.acceptedConnections());
    }
  }
}
