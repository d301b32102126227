package com.opstower.egress.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name or address literal into addresses. A seam so tests (and other features' tests)
 * can simulate DNS answers, such as a name resolving to a public and a metadata address at once.
 */
@FunctionalInterface
public interface HostLookup {

  /** The JVM resolver; it also parses IPv4 and IPv6 literals without asking DNS. */
  HostLookup SYSTEM = InetAddress::getAllByName;

  InetAddress[] lookup(String host) throws UnknownHostException;
}
