package com.opstower.egress.control;

import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The text handed to the name lookup for a URI host: IPv6 literals lose their brackets. */
final class LookupName {

  // Hex groups, colons, an optional dotted IPv4 tail and an optional zone such as %eth0.
  private static final Pattern IPV6_LITERAL_SHAPE =
      Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

  private LookupName() {}

  /**
   * @throws UnknownHostException for a blank host, or brackets around anything but an IPv6 literal
   */
  static String of(String host) throws UnknownHostException {
    if (host == null || host.isBlank()) {
      throw new UnknownHostException("empty host");
    }
    if (host.length() > 1 && host.startsWith("[") && host.endsWith("]")) {
      String inner = host.substring(1, host.length() - 1);
      // Brackets promise an IPv6 literal; never let them smuggle a name into a DNS lookup.
      if (!IPV6_LITERAL_SHAPE.matcher(inner).matches()) {
        throw new UnknownHostException("not an IPv6 literal inside brackets");
      }
      return inner;
    }
    return host;
  }
}
