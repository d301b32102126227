package com.opstower.egress.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Builds addresses from literals only (never DNS) and policies for the tests. */
final class TestAddresses {

  private TestAddresses() {}

  /** An address literal; the JDK turns {@code ::ffff:a.b.c.d} into an Inet4Address. */
  static InetAddress ip(String literal) {
    if (!literal.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("tests use literals only: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /**
   * An IPv6 address kept as Inet6Address even in IPv4-mapped form, as a socket layer may hand it.
   */
  static InetAddress v6(byte[] bytes) {
    try {
      return Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code ::ffff:a.b.c.d} as a genuine Inet6Address. */
  static InetAddress mappedV6(String ipv4) {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    System.arraycopy(ip(ipv4).getAddress(), 0, bytes, 12, 4);
    return v6(bytes);
  }

  /** Default settings of the contract: private allowed, loopback refused. */
  static EgressPolicy defaults() {
    return new EgressPolicy(true, false, List.of(), List.of());
  }

  static EgressPolicy strict() {
    return new EgressPolicy(false, false, List.of(), List.of());
  }

  /** Everything configurable opened as wide as it goes. */
  static EgressPolicy wideOpen() {
    return new EgressPolicy(true, true, List.of("0.0.0.0/0", "::/0"), List.of());
  }
}
