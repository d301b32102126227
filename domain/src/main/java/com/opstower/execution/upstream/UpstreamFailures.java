package com.opstower.execution.upstream;

import com.opstower.egress.control.DestinationBlockedException;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.UpstreamFault;
import com.opstower.problem.UpstreamProblem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;

/**
 * Turns what went wrong in an exchange into a contract problem. Details name the destination as
 * {@code host:port} and the kind of failure; never an exception message (HttpClient's carry the
 * URL, query included) or a class name.
 */
final class UpstreamFailures {

  /** Jersey and HttpClient wrap a few levels deep; a cycle must not loop forever. */
  private static final int MAX_CAUSES = 16;

  private static final Logger LOG = Logger.getLogger(UpstreamFailures.class.getName());

  private UpstreamFailures() {}

  static ProblemException timeout(Duration timeout) {
    String cause = "it did not answer within " + spoken(timeout);
    return new UpstreamProblem(
        ProblemCode.UPSTREAM_TIMEOUT,
        "The API did not answer within " + spoken(timeout) + ".",
        UpstreamFault.TIMEOUT,
        cause);
  }

  /** A fault and its cause in words, e.g. DNS and "its host name could not be resolved". */
  private record Kind(UpstreamFault fault, String cause) {}

  static ProblemException busy(int maxConcurrentCalls) {
    return new ProblemException(
        ProblemCode.RATE_LIMITED,
        "The server is busy with other calls to APIs (at most "
            + maxConcurrentCalls
            + " at a time); try again in a moment.");
  }

  /** An {@link Error} while an answer was being processed: it was the answer's doing. */
  static ProblemException answerTooLargeToProcess(UpstreamRequest request, Error error) {
    LOG.log(
        Level.WARNING,
        "{0} while processing the answer of {1}; the outbound client was rebuilt",
        new Object[] {error.getClass().getName(), request.destination()});
    String cause =
        "it sent an answer that could not be processed (it exhausted the server's resources)";
    return new UpstreamProblem(
        ProblemCode.UPSTREAM_UNREACHABLE,
        "The API at " + request.destination() + " " + cause.substring(3) + ".",
        UpstreamFault.BROKEN_ANSWER,
        cause);
  }

  /** Whether nothing at all came back before the connection closed (a stale pooled connection). */
  static boolean closedBeforeAnswering(Throwable failure) {
    return find(failure, NoHttpResponseException.class) != null
        && find(failure, UpstreamCall.BodyReadException.class) == null;
  }

  static ProblemException toProblem(
      Throwable failure, UpstreamRequest request, Duration timeout, boolean pastDeadline) {
    return toProblem(failure, request, timeout, pastDeadline, false);
  }

  /**
   * @param headArrived whether a response head had been parsed when it failed
   */
  static ProblemException toProblem(
      Throwable failure,
      UpstreamRequest request,
      Duration timeout,
      boolean pastDeadline,
      boolean headArrived) {
    if (failure instanceof ProblemException problem) {
      return problem;
    }
    DestinationBlockedException blocked = find(failure, DestinationBlockedException.class);
    if (blocked != null) {
      String destination =
          printable(blocked.host()) + " (" + blocked.address().getHostAddress() + ")";
      return new UpstreamProblem(
          ProblemCode.DESTINATION_BLOCKED,
          "The destination "
              + destination
              + " is blocked by the egress policy: "
              + blocked.reason()
              + ".",
          UpstreamFault.BLOCKED,
          destination + ": " + blocked.reason());
    }
    if (pastDeadline || find(failure, InterruptedIOException.class) != null) {
      // socket, connect and lease timeouts are all set to the time left before the deadline
      return timeout(timeout);
    }
    Kind kind = unreachableKind(failure, headArrived);
    if (kind == null) {
      LOG.log(
          Level.WARNING,
          "Unexpected failure calling {0}: {1}",
          new Object[] {request.destination(), failure.getClass().getName()});
      return new ProblemException(
          ProblemCode.INTERNAL_ERROR,
          "The call to the API at " + request.destination() + " failed unexpectedly.");
    }
    return new UpstreamProblem(
        ProblemCode.UPSTREAM_UNREACHABLE,
        "The API at " + request.destination() + " could not be reached: " + kind.cause() + ".",
        kind.fault(),
        kind.cause());
  }

  /** Most specific first: a TLS failure is also an I/O failure, a refused connect a socket one. */
  private static Kind unreachableKind(Throwable failure, boolean headArrived) {
    ResponseHeadLimits.RefusedAnswer refused =
        find(failure, ResponseHeadLimits.RefusedAnswer.class);
    if (refused != null) {
      return new Kind(UpstreamFault.BROKEN_ANSWER, refused.getMessage());
    }
    MessageConstraintException tooLarge = find(failure, MessageConstraintException.class);
    if (tooLarge != null) {
      return new Kind(UpstreamFault.BROKEN_ANSWER, headLimitKind(tooLarge));
    }
    if (find(failure, UpstreamCall.BodyReadException.class) != null) {
      if (find(failure, ConnectionClosedException.class) != null) {
        return broken(
            "it closed the connection before the response body was complete (a body shorter"
                + " than its Content-Length, or a broken chunked body)");
      }
      if (find(failure, SocketException.class) != null) {
        return new Kind(
            UpstreamFault.RESET, "the connection was reset while the response body was being read");
      }
      if (find(failure, ProtocolException.class) != null) {
        return broken("the response body was not valid HTTP framing (a broken chunked body)");
      }
      return new Kind(
          UpstreamFault.NETWORK, "the connection broke while the response was being read");
    }
    if (find(failure, UnknownHostException.class) != null) {
      return new Kind(UpstreamFault.DNS, "its host name could not be resolved");
    }
    if (find(failure, NoRouteToHostException.class) != null) {
      return new Kind(UpstreamFault.NO_ROUTE, "there is no route to its host");
    }
    if (find(failure, ConnectException.class) != null) {
      return new Kind(UpstreamFault.REFUSED, "the connection was refused");
    }
    if (find(failure, SSLException.class) != null) {
      return new Kind(
          UpstreamFault.TLS, "the TLS connection failed (certificate, host name or handshake)");
    }
    if (find(failure, NoHttpResponseException.class) != null) {
      return broken("it closed the connection before sending a response head");
    }
    if (find(failure, SocketException.class) != null) {
      return new Kind(
          UpstreamFault.RESET, "the connection was reset before a response head arrived");
    }
    if (find(failure, ProtocolException.class) != null) {
      return broken(
          headArrived
              ? "its response head was not valid HTTP (a malformed Content-Length or"
                  + " Transfer-Encoding, or an informational status where a final one was due)"
              : "its answer was not valid HTTP (no valid status line: garbage, or an HTTP/0.9"
                  + " answer without a head)");
    }
    if (find(failure, IOException.class) != null) {
      return new Kind(UpstreamFault.NETWORK, "a network error occurred");
    }
    return null;
  }

  private static Kind broken(String cause) {
    return new Kind(UpstreamFault.BROKEN_ANSWER, cause);
  }

  /** HttpClient's own limit messages are fixed English texts; none carries upstream data. */
  private static String headLimitKind(MessageConstraintException tooLarge) {
    String message = String.valueOf(tooLarge.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (message.contains("header count")) {
      return "its response head was too large (more than "
          + ResponseHeadLimits.MAX_FIELDS
          + " header fields)";
    }
    if (message.contains("empty line")) {
      return "its answer was not valid HTTP (too many blank lines before the status line)";
    }
    return "its response head was too large (a status or header line longer than "
        + ResponseHeadLimits.MAX_LINE_BYTES / 1024
        + " KiB)";
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** "15 seconds", "1 second", "2.5 seconds". */
  static String spoken(Duration timeout) {
    BigDecimal seconds =
        BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros();
    String number =
        seconds.scale() < 0 ? seconds.toBigInteger().toString() : seconds.toPlainString();
    return number + (seconds.compareTo(BigDecimal.ONE) == 0 ? " second" : " seconds");
  }

  // The host ends up in a problem detail; keep a hostile name from forging log or UI lines.
  private static String printable(String host) {
    return host == null ? "?" : host.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
  }
}
