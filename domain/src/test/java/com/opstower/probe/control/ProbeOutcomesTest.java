package com.opstower.probe.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.probe.control.ProbeOutcomes.Verdict;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.UpstreamFault;
import com.opstower.problem.UpstreamProblem;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeOutcomesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 407, 500, 501, 502, 503, 504, 599})
  void credentialProxyAndServerErrorsAreNotOk(int status) {
    Verdict verdict = ProbeOutcomes.forStatus(status);

    assertFalse(verdict.ok());
    assertEquals(status, verdict.status());
    assertTrue(verdict.message().contains("HTTP " + status), verdict.message());
    assertNotNull(verdict.hint());
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        100, 200, 201, 204, 299, 301, 302, 304, 307, 308, 400, 402, 404, 405, 406, 410, 418, 429,
        451, 499, 600, 999
      })
  void everyOtherStatusIsOk(int status) {
    Verdict verdict = ProbeOutcomes.forStatus(status);

    assertTrue(verdict.ok());
    assertEquals(status, verdict.status());
    assertTrue(verdict.message().contains("HTTP " + status), verdict.message());
  }

  @Test
  void successSaysTheStatusAndNeedsNoHint() {
    Verdict verdict = ProbeOutcomes.forStatus(200);

    assertEquals(new Verdict(true, 200, "The API answered with HTTP 200.", null, "ok"), verdict);
  }

  @Test
  void unauthorizedAsksForFreshCredentials() {
    assertEquals(
        new Verdict(
            false,
            401,
            "The API rejected the credentials (HTTP 401).",
            "The credentials may have expired or lack the required permissions. Update the"
                + " connection with fresh credentials.",
            "rejected"),
        ProbeOutcomes.forStatus(401));
  }

  @Test
  void forbiddenPointsAtMissingPermission() {
    Verdict verdict = ProbeOutcomes.forStatus(403);

    assertTrue(verdict.message().contains("refused access"), verdict.message());
    assertTrue(verdict.hint().contains("permission"), verdict.hint());
  }

  @Test
  void proxyAuthenticationIsExplained() {
    Verdict verdict = ProbeOutcomes.forStatus(407);

    assertTrue(verdict.message().contains("proxy"), verdict.message());
    assertTrue(verdict.hint().contains("proxy"), verdict.hint());
  }

  @Test
  void notFoundIsOkButSuggestsAPathInTheBaseUrl() {
    Verdict verdict = ProbeOutcomes.forStatus(404);

    assertTrue(verdict.ok());
    assertTrue(verdict.hint().contains("/v1"), verdict.hint());
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectsAreOkWithAHintThatTheyAreNotFollowed(int status) {
    Verdict verdict = ProbeOutcomes.forStatus(status);

    assertTrue(verdict.ok());
    assertTrue(verdict.hint().contains("does not follow redirects"), verdict.hint());
  }

  @Test
  void serverErrorSuggestsTryingLater() {
    Verdict verdict = ProbeOutcomes.forStatus(503);

    assertEquals("The API answered with a server error (HTTP 503).", verdict.message());
    assertTrue(verdict.hint().contains("Try again later"), verdict.hint());
  }

  @Test
  void rateLimitIsOkWithAHintToWait() {
    Verdict verdict = ProbeOutcomes.forStatus(429);

    assertTrue(verdict.ok());
    assertTrue(verdict.hint().contains("limiting the rate"), verdict.hint());
  }

  @Test
  void unreachableNamesTheCauseAndPointsAtTheBaseUrl() {
    Verdict verdict =
        ProbeOutcomes.forFailure(
            ProblemCode.UPSTREAM_UNREACHABLE, "the host name could not be resolved.", TIMEOUT);

    assertEquals(
        new Verdict(
            false,
            null,
            "Could not reach the API: the host name could not be resolved.",
            "Check the base URL: the host name, the port and that the API is reachable from the"
                + " OpsTower server.",
            "no-response"),
        verdict);
  }

  @Test
  void timeoutQuotesTheConfiguredDeadline() {
    Verdict verdict =
        ProbeOutcomes.forFailure(ProblemCode.UPSTREAM_TIMEOUT, null, Duration.ofSeconds(15));

    assertEquals("The API did not answer in time.", verdict.message());
    assertEquals(
        "The API must answer within 15 seconds; check that it is up and not overloaded.",
        verdict.hint());
  }

  @Test
  void timeoutRoundsSubSecondDeadlinesUp() {
    assertTrue(
        ProbeOutcomes.forFailure(ProblemCode.UPSTREAM_TIMEOUT, "", Duration.ofMillis(1500))
            .hint()
            .contains("within 2 seconds"));
    assertTrue(
        ProbeOutcomes.forFailure(ProblemCode.UPSTREAM_TIMEOUT, "", Duration.ofMillis(200))
            .hint()
            .contains("within 1 second;"));
  }

  @Test
  void blockedDestinationExplainsTheEgressSettings() {
    Verdict verdict =
        ProbeOutcomes.forFailure(
            ProblemCode.DESTINATION_BLOCKED,
            "Destination localhost (127.0.0.1) is blocked: loopback address",
            TIMEOUT);

    assertEquals(
        "The egress policy blocked the destination: Destination localhost (127.0.0.1) is blocked:"
            + " loopback address.",
        verdict.message());
    assertTrue(verdict.hint().contains("opstower.egress.allow-loopback"), verdict.hint());
    assertTrue(verdict.hint().contains("opstower.egress.allow-private"), verdict.hint());
  }

  @Test
  void unavailableCredentialAsksToReenterOrRestoreTheKey() {
    Verdict verdict =
        ProbeOutcomes.forFailure(ProblemCode.CREDENTIAL_UNAVAILABLE, "anything", TIMEOUT);

    assertEquals(
        "The stored credential of this connection cannot be decrypted.", verdict.message());
    assertTrue(verdict.hint().contains("Re-enter the secret"), verdict.hint());
    assertTrue(verdict.hint().contains("encryption key"), verdict.hint());
  }

  @ParameterizedTest
  @EnumSource(
      value = ProblemCode.class,
      names = {
        "UPSTREAM_UNREACHABLE",
        "UPSTREAM_TIMEOUT",
        "DESTINATION_BLOCKED",
        "CREDENTIAL_UNAVAILABLE"
      },
      mode = EnumSource.Mode.EXCLUDE)
  void otherProblemsGiveAGenericFailureWithTheDetail(ProblemCode code) {
    Verdict verdict = ProbeOutcomes.forFailure(code, "Something specific.", TIMEOUT);

    assertEquals("The test request failed: Something specific.", verdict.message());
    assertNotNull(verdict.hint());
  }

  @ParameterizedTest
  @EnumSource(ProblemCode.class)
  void failuresAreNeverOkAndHaveNoStatus(ProblemCode code) {
    Verdict verdict = ProbeOutcomes.forFailure(code, null, TIMEOUT);

    assertFalse(verdict.ok());
    assertNull(verdict.status());
    assertTrue(verdict.message().endsWith("."), verdict.message());
    assertFalse(verdict.message().contains("null"), verdict.message());
  }

  @Test
  void eachUpstreamFaultHasItsOwnOutcomeAndNoMessageRepeatsItself() {
    java.util.Set<String> outcomes = new java.util.HashSet<>();
    for (UpstreamFault fault : UpstreamFault.values()) {
      ProblemCode code =
          switch (fault) {
            case BLOCKED -> ProblemCode.DESTINATION_BLOCKED;
            case TIMEOUT -> ProblemCode.UPSTREAM_TIMEOUT;
            default -> ProblemCode.UPSTREAM_UNREACHABLE;
          };
      Verdict verdict =
          ProbeOutcomes.forFailure(
              new UpstreamProblem(code, "The API at h:1 could not be reached.", fault, "why"),
              TIMEOUT);

      assertEquals(fault.code(), verdict.outcome());
      assertTrue(outcomes.add(verdict.outcome()), "one outcome per fault");
      assertFalse(verdict.message().contains("could not be reached"), verdict.message());
      assertNull(verdict.status());
    }
  }

  @Test
  void aBlockedCallNamesTheSettingOnceAndDoesNotSayEgressPolicyTwice() {
    Verdict verdict =
        ProbeOutcomes.forFailure(
            new UpstreamProblem(
                ProblemCode.DESTINATION_BLOCKED,
                "The destination localhost (127.0.0.1) is blocked by the egress policy: x.",
                UpstreamFault.BLOCKED,
                "localhost (127.0.0.1): loopback address (set opstower.egress.allow-loopback=true"
                    + " to allow)"),
            TIMEOUT);

    assertEquals(
        "The egress policy blocked the call: localhost (127.0.0.1): loopback address (set"
            + " opstower.egress.allow-loopback=true to allow).",
        verdict.message());
    assertEquals("blocked", verdict.outcome());
  }

  @Test
  void aDnsFailureIsOneSentence() {
    Verdict verdict =
        ProbeOutcomes.forFailure(
            new UpstreamProblem(
                ProblemCode.UPSTREAM_UNREACHABLE,
                "The API at nowhere.invalid:443 could not be reached: its host name could not be"
                    + " resolved.",
                UpstreamFault.DNS,
                "its host name could not be resolved"),
            TIMEOUT);

    assertEquals("The API's host name could not be resolved (DNS).", verdict.message());
    assertEquals("dns", verdict.outcome());
  }

  @Test
  void statusOutcomesTellRejectedFromServerErrors() {
    assertEquals("rejected", ProbeOutcomes.forStatus(403).outcome());
    assertEquals("server-error", ProbeOutcomes.forStatus(503).outcome());
    assertEquals("ok", ProbeOutcomes.forStatus(404).outcome());
  }
}
