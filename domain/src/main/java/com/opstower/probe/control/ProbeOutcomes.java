package com.opstower.probe.control;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.UpstreamProblem;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns the outcome of a Test Connection request into the message and hint a person reads next to
 * the connection. The rule for {@code ok} is the contract's: a response arrived and its status is
 * not 401, 403, 407 or 5xx. Inputs are status codes and problem details that are already free of
 * secrets, so the texts are too.
 */
final class ProbeOutcomes {

  /**
   * What Test Connection found, as the contract's {@code TestResult} reports it (without the
   * timing, which the caller measures). {@code status} is null when no HTTP response arrived;
   * {@code hint} is null when there is nothing to fix.
   */
  public record Verdict(boolean ok, Integer status, String message, String hint, String outcome) {}

  private ProbeOutcomes() {}

  /** An HTTP response arrived with {@code status}. */
  public static Verdict forStatus(int status) {
    return switch (status) {
      case 401 ->
          failed(
              status,
              "The API rejected the credentials (HTTP 401).",
              "The credentials may have expired or lack the required permissions. Update the"
                  + " connection with fresh credentials.");
      case 403 ->
          failed(
              status,
              "The API refused access with these credentials (HTTP 403).",
              "The credentials were accepted but lack permission for the base URL, or the API does"
                  + " not accept requests from the OpsTower server's address. Check the roles or"
                  + " scopes of the credentials.");
      case 407 ->
          failed(
              status,
              "A proxy between OpsTower and the API asked for proxy credentials (HTTP 407).",
              "OpsTower does not send proxy credentials. Use an address of the API that is reachable"
                  + " without that proxy, or ask your network administrator to let the OpsTower"
                  + " server through.");
      case 404 ->
          passed(
              status,
              "The API answered with HTTP 404 (not found).",
              "The server was reached, but nothing answers at the base URL itself. That is normal"
                  + " for APIs that only serve paths below it; if agents' calls fail too, the base URL"
                  + " may need a path such as /v1.");
      case 429 ->
          passed(
              status,
              "The API answered with HTTP 429 (too many requests).",
              "The server was reached but is limiting the rate of requests, so the credentials could"
                  + " not be checked. Wait a little and test again.");
      default -> byClass(status);
    };
  }

  private static Verdict byClass(int status) {
    if (status >= 500 && status <= 599) {
      return failed(
          status,
          "The API answered with a server error (HTTP " + status + ").",
          "The API was reached but could not handle the request. Try again later, or check the"
              + " service's status page.");
    }
    if (status >= 300 && status <= 399) {
      return passed(
          status,
          "The API answered with a redirect (HTTP " + status + ").",
          "OpsTower does not follow redirects. If the API has moved, update the base URL to the"
              + " new address.");
    }
    if (status >= 400 && status <= 499) {
      return passed(
          status,
          "The API answered with HTTP " + status + ".",
          "The server was reached and did not reject the credentials; a plain GET on the base"
              + " URL may simply not be a valid request for this API.");
    }
    return passed(status, "The API answered with HTTP " + status + ".", null);
  }

  /**
   * No HTTP response arrived: {@code code} says why, {@code detail} is the problem's detail (may be
   * null) and {@code timeout} is {@code opstower.executor.timeout}, quoted in the hint.
   */
  public static Verdict forFailure(ProblemCode code, String detail, Duration timeout) {
    Objects.requireNonNull(code, "code");
    return switch (code) {
      case UPSTREAM_UNREACHABLE ->
          noResponse(
              "Could not reach the API",
              detail,
              "Check the base URL: the host name, the port and that the API is reachable from the"
                  + " OpsTower server.");
      case UPSTREAM_TIMEOUT ->
          noResponse(
              "The API did not answer in time",
              detail,
              "The API must answer within "
                  + seconds(timeout)
                  + "; check that it is up and not overloaded.");
      case DESTINATION_BLOCKED ->
          noResponse(
              "The egress policy blocked the destination",
              detail,
              "OpsTower never calls link-local or cloud-metadata addresses, and calls loopback and"
                  + " private addresses only when opstower.egress.allow-loopback,"
                  + " opstower.egress.allow-private or opstower.egress.allow-cidrs permit them. Use"
                  + " the API's public address or ask the administrator to change these settings.");
      // Its detail is deliberately generic and says the same as this message; not repeated.
      case CREDENTIAL_UNAVAILABLE ->
          noResponse(
              "The stored credential of this connection cannot be decrypted",
              null,
              "Re-enter the secret of this connection, or restore the encryption key it was stored"
                  + " under (opstower.crypto.keys).",
              "credential-unavailable");
      default ->
          noResponse(
              "The test request failed", detail, "Check the connection's settings and try again.");
    };
  }

  private static Verdict passed(int status, String message, String hint) {
    return new Verdict(true, status, message, hint, "ok");
  }

  private static Verdict failed(int status, String message, String hint) {
    return new Verdict(false, status, message, hint, status >= 500 ? "server-error" : "rejected");
  }

  /**
   * The authorization server of an OAuth 2.0 connection gave no access token: the API itself was
   * not called. The message carries the server's {@code error} and {@code error_description}; the
   * hint says what to check for the common errors (RFC 6749 §5.2).
   */
  public static Verdict forTokenRefusal(String detail, String error) {
    String hint =
        switch (error == null ? "" : error) {
          case "invalid_client" ->
              "Check the client id and the client secret, and whether the authorization server"
                  + " expects them in the form body (Client authentication: body) rather than by"
                  + " HTTP Basic.";
          case "invalid_scope" ->
              "Check the scope: the authorization server does not grant it to this client.";
          case "unauthorized_client" ->
              "This client may not use the client-credentials grant; allow it on the"
                  + " authorization server.";
          case "unsupported_grant_type" ->
              "Enable the client-credentials grant for this client on the authorization server.";
          case "invalid_request", "invalid_target" ->
              "Check the scope and the audience: the authorization server refused the request.";
          default -> "Check the token URL, the client id and secret, and the scope.";
        };
    return noResponse("The token request failed", detail, hint, "token-refused");
  }

  /** The token endpoint of an OAuth 2.0 connection could not be reached or answered in time. */
  public static Verdict forTokenFailure(ProblemException failure, Duration timeout) {
    Verdict general = forFailure(failure, timeout);
    return new Verdict(
        false,
        null,
        "Getting an access token failed. " + general.message(),
        "Check the token URL: " + general.hint(),
        general.outcome());
  }

  private static Verdict noResponse(String what, String detail, String hint) {
    return noResponse(what, detail, hint, "no-response");
  }

  private static Verdict noResponse(String what, String cause, String hint, String outcome) {
    String message = cause == null || cause.isBlank() ? what + "." : what + ": " + cause + ".";
    return new Verdict(false, null, message.replace("..", "."), hint, outcome);
  }

  /**
   * No HTTP response arrived, for the problem the executor raised: an {@link UpstreamProblem} names
   * its fault, and its cause is quoted without the destination, which the result already names as
   * the request sent ("Could not reach the API: the connection was refused.").
   */
  public static Verdict forFailure(ProblemException failure, Duration timeout) {
    if (!(failure instanceof UpstreamProblem upstream)) {
      return forFailure(failure.code(), failure.detail(), timeout);
    }
    Verdict general = forFailure(failure.code(), null, timeout);
    String what =
        switch (upstream.fault()) {
          case BLOCKED -> "The egress policy blocked the call";
          case DNS -> "The API's host name could not be resolved (DNS)";
          case REFUSED -> "The API refused the connection";
          case NO_ROUTE -> "There is no network route to the API";
          case TLS -> "The TLS connection to the API failed";
          case TIMEOUT -> "The API did not answer in time";
          case RESET -> "The connection to the API was reset";
          case BROKEN_ANSWER -> "The API sent a broken answer";
          case NETWORK -> "Could not reach the API";
        };
    String cause =
        switch (upstream.fault()) {
          // already said in full by the words above
          case DNS, REFUSED, NO_ROUTE -> null;
          case TIMEOUT -> "no answer within " + seconds(timeout);
          default -> upstream.cause();
        };
    return noResponse(what, cause, general.hint(), upstream.fault().code());
  }

  private static String seconds(Duration timeout) {
    if (timeout == null) {
      return "the configured timeout";
    }
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }
}
