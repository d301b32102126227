package com.opstower.egress.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A destination the egress policy refuses. It extends {@link UnknownHostException} because Apache
 * HttpClient lets that type leave its connect path untouched, so the caller sees this exception
 * (maps it to 403 {@code destination-blocked}) instead of a generic I/O failure.
 */
public class DestinationBlockedException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  private final String host;
  private final InetAddress address;
  private final String reason;

  public DestinationBlockedException(String host, InetAddress address, String reason) {
    super(
        "Destination "
            + printable(host)
            + " ("
            + AddressText.of(address)
            + ") is blocked: "
            + reason);
    this.host = host;
    this.address = address;
    this.reason = reason;
  }

  /** The host as the caller asked for it (a name or a literal). */
  public String host() {
    return host;
  }

  /** The resolved address that was refused. */
  public InetAddress address() {
    return address;
  }

  /** Short human phrase, e.g. "cloud metadata address". */
  public String reason() {
    return reason;
  }

  // The host ends up in logs and problem details; keep a hostile name from forging log lines.
  private static String printable(String host) {
    return host == null ? "null" : host.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
  }
}
