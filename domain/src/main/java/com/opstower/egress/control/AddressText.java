package com.opstower.egress.control;

import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;

/** Addresses as people write them: IPv6 compressed ({@code fd00:ec2::254}), IPv4 dotted. */
final class AddressText {

  private AddressText() {}

  static String of(InetAddress address) {
    return address == null ? "no address" : of(address.getAddress());
  }

  static String of(byte[] address) {
    if (address.length == 16) {
      return new IPv6Address(address).toCompressedString();
    }
    StringBuilder text = new StringBuilder();
    for (byte part : address) {
      text.append(text.length() == 0 ? "" : ".").append(part & 0xff);
    }
    return text.toString();
  }
}
