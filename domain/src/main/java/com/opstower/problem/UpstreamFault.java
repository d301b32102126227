package com.opstower.problem;

/**
 * Why a call to an API got no usable answer, in words a person can tell apart: the problem code
 * says 403, 502 or 504, this says whether the policy, DNS, the network, TLS, the clock or the
 * answer itself was the reason.
 */
public enum UpstreamFault {
  BLOCKED("blocked", "Blocked by policy"),
  DNS("dns", "DNS failure"),
  REFUSED("refused", "Connection refused"),
  NO_ROUTE("no-route", "No route to host"),
  TLS("tls", "TLS failure"),
  TIMEOUT("timeout", "Timed out"),
  RESET("reset", "Connection reset"),
  BROKEN_ANSWER("broken-answer", "Broken answer"),
  NETWORK("network", "Network error");

  private final String code;
  private final String words;

  UpstreamFault(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The stable outcome word of the API's {@code TestResult.outcome}. */
  public String code() {
    return code;
  }

  /** How the UI names it. */
  public String words() {
    return words;
  }
}
