package com.opstower.execution.upstream;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.answersOk;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.HostLookup;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failures become contract problems whose details name the destination and the kind of failure, and
 * never the query string (it may hold a credential) or an exception text.
 */
class UpstreamClientFailureTest {

  private static final String QUERY_SECRET = "?api_key=qs-SECRET-4711";

  private static UpstreamClient client(EgressPolicy policy) {
    return new UpstreamClient(policy, Duration.ofSeconds(3), 2);
  }

  private static ProblemException failure(ProblemCode code, EgressPolicy policy, String url) {
    try (UpstreamClient client = client(policy)) {
      ProblemException problem =
          assertProblem(code, () -> client.exchange(get(url), reader(100), SecretRedactor.none()));
      assertFalse(problem.detail().contains("SECRET"), problem.detail());
      assertFalse(problem.detail().contains("api_key"), problem.detail());
      assertFalse(problem.detail().contains("Exception"), problem.detail());
      return problem;
    }
  }

  @Test
  void refusedConnectionIsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    ProblemException problem =
        failure(
            ProblemCode.UPSTREAM_UNREACHABLE,
            LOOPBACK_ALLOWED,
            "http://127.0.0.1:" + closedPort + "/x" + QUERY_SECRET);

    assertEquals(
        "The API at 127.0.0.1:" + closedPort + " could not be reached: the connection was refused.",
        problem.detail());
  }

  @Test
  void unknownHostIsUnreachable() {
    HostLookup noSuchName =
        host -> {
          throw new UnknownHostException(host + ": Name or service not known");
        };
    ProblemException problem =
        failure(
            ProblemCode.UPSTREAM_UNREACHABLE,
            new EgressPolicy(true, true, List.of(), List.of(), noSuchName),
            "https://api.nowhere.test/v1" + QUERY_SECRET);

    assertEquals(
        "The API at api.nowhere.test:443 could not be reached: its host name could not be resolved.",
        problem.detail());
  }

  @Test
  void loopbackRefusedByThePolicyIsBlockedBeforeAnythingIsSent() throws IOException {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      ProblemException problem =
          failure(
              ProblemCode.DESTINATION_BLOCKED,
              new EgressPolicy(true, false, List.of(), List.of()),
              server.url("/x" + QUERY_SECRET));

      assertTrue(
          problem.detail().startsWith("The destination 127.0.0.1 (127.0.0.1) is blocked"),
          problem.detail());
      assertEquals(0, server.acceptedConnections(), "the upstream must not be contacted");
    }
  }

  @Test
  void aNameResolvingToTheMetadataAddressIsBlocked() {
    HostLookup metadata = host -> new InetAddress[] {address("169.254.169.254")};
    ProblemException problem =
        failure(
            ProblemCode.DESTINATION_BLOCKED,
            new EgressPolicy(true, true, List.of(), List.of(), metadata),
            "http://api.internal/latest/meta-data" + QUERY_SECRET);

    assertEquals(
        "The destination api.internal (169.254.169.254) is blocked by the egress policy: "
            + "cloud metadata address.",
        problem.detail());
  }

  @Test
  void tlsToAServerThatDoesNotSpeakTlsIsUnreachable() throws IOException {
    // answers the TLS ClientHello with plain HTTP, as a misconfigured port does
    String plainAnswer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    try (RawUpstream server = new RawUpstream((s, in, out) -> s.write(out, plainAnswer))) {
      ProblemException problem =
          failure(
              ProblemCode.UPSTREAM_UNREACHABLE,
              LOOPBACK_ALLOWED,
              "https://127.0.0.1:" + server.port() + "/" + QUERY_SECRET);

      assertTrue(problem.detail().contains("the TLS connection failed"), problem.detail());
    }
  }

  @Test
  void upstreamClosingWithoutAnsweringIsUnreachable() throws IOException {
    try (RawUpstream server = new RawUpstream((s, in, out) -> s.readRequest(in))) {
      ProblemException problem =
          failure(
              ProblemCode.UPSTREAM_UNREACHABLE, LOOPBACK_ALLOWED, server.url("/" + QUERY_SECRET));

      assertTrue(
          problem.detail().endsWith("it closed the connection before sending a response head."),
          problem.detail());
    }
  }

  @Test
  void bodyCutShortByTheUpstreamIsUnreachable() throws IOException {
    try (RawUpstream server =
        new RawUpstream(
            (s, in, out) -> {
              s.readRequest(in);
              s.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..");
            })) {
      ProblemException problem =
          failure(
              ProblemCode.UPSTREAM_UNREACHABLE, LOOPBACK_ALLOWED, server.url("/" + QUERY_SECRET));

      assertTrue(
          problem.detail().contains("closed the connection before the response body was complete"),
          problem.detail());
    }
  }

  @Test
  void malformedFramingIsUnreachable() throws IOException {
    try (RawUpstream server =
        new RawUpstream(
            (s, in, out) -> {
              s.readRequest(in);
              s.write(out, "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n");
            })) {
      ProblemException problem =
          failure(
              ProblemCode.UPSTREAM_UNREACHABLE, LOOPBACK_ALLOWED, server.url("/" + QUERY_SECRET));

      assertEquals(
          "The API at 127.0.0.1:"
              + server.port()
              + " could not be reached: its response head was not valid HTTP (a malformed"
              + " Content-Length or Transfer-Encoding, or an informational status where a final"
              + " one was due).",
          problem.detail());
    }
  }

  @Test
  void requestsAreNeverRetriedAfterAFailure() throws IOException {
    try (RawUpstream server = new RawUpstream((s, in, out) -> s.readRequest(in))) {
      failure(ProblemCode.UPSTREAM_UNREACHABLE, LOOPBACK_ALLOWED, server.url("/"));

      assertEquals(1, server.heads().size(), "sent once, not retried");
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void unreachableDetailNamesTheDefaultPortOfTheScheme() {
    HostLookup noSuchName =
        host -> {
          throw new UnknownHostException(host);
        };
    EgressPolicy policy = new EgressPolicy(true, true, List.of(), List.of(), noSuchName);
    ProblemException problem =
        failure(ProblemCode.UPSTREAM_UNREACHABLE, policy, "http://plain.test/" + QUERY_SECRET);

    assertTrue(problem.detail().startsWith("The API at plain.test:80 "), problem.detail());
  }
}
