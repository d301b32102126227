package com.opstower.egress.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 address(es) an IPv6 transition address leads to. {@code ::ffff:169.254.169.254}, {@code
 * 64:ff9b::a9fe:a9fe} or {@code 2002:a9fe:a9fe::} reach the metadata service as surely as {@code
 * 169.254.169.254} does, so the policy judges what is inside.
 *
 * @param form the kind of IPv6 address, for the refusal reason
 * @param ipv4 the 4-byte addresses to judge; empty when the embedded address cannot be located
 */
record Ipv4Embedding(String form, List<byte[]> ipv4) {

  static Optional<Ipv4Embedding> of(byte[] address) {
    if (address.length != 16) {
      return Optional.empty();
    }
    if (AddressRanges.IPV4_MAPPED.contains(address)) {
      return found("IPv4-mapped", slice(address, 12));
    }
    if (AddressRanges.IPV4_TRANSLATED.contains(address)) {
      return found("IPv4-translated", slice(address, 12));
    }
    if (AddressRanges.IPV4_COMPATIBLE.contains(address)
        && !AddressRanges.UNSPECIFIED_AND_LOOPBACK_V6.contains(address)) {
      return found("IPv4-compatible", slice(address, 12));
    }
    if (AddressRanges.NAT64_WELL_KNOWN.contains(address)) {
      return found("NAT64", slice(address, 12));
    }
    if (AddressRanges.NAT64_LOCAL_USE.contains(address)) {
      return localUseNat64(address);
    }
    if (AddressRanges.SIX_TO_FOUR.contains(address)) {
      return found("6to4", slice(address, 2));
    }
    if (AddressRanges.TEREDO.contains(address)) {
      return teredo(address);
    }
    return Optional.empty();
  }

  /**
   * Only the /96 layout (IPv4 in the last 32 bits, bits 48-95 zero) is recognised. With a shorter
   * prefix RFC 6052 scatters the IPv4 around the "u" octet and we cannot tell which layout the
   * operator chose, so such an address yields nothing to judge and is refused (fail closed).
   */
  private static Optional<Ipv4Embedding> localUseNat64(byte[] address) {
    for (int i = 6; i < 12; i++) {
      if (address[i] != 0) {
        return Optional.of(new Ipv4Embedding("NAT64 local-use", List.of()));
      }
    }
    return found("NAT64 local-use", slice(address, 12));
  }

  /**
   * The client's IPv4 is stored inverted (XOR 0xffffffff) so NATs do not rewrite it. The Teredo
   * server's IPv4 is judged too: traffic for the client may be relayed through it.
   */
  private static Optional<Ipv4Embedding> teredo(byte[] address) {
    byte[] client = slice(address, 12);
    for (int i = 0; i < client.length; i++) {
      client[i] = (byte) ~client[i];
    }
    return Optional.of(new Ipv4Embedding("Teredo", List.of(client, slice(address, 4))));
  }

  private static Optional<Ipv4Embedding> found(String form, byte[] ipv4) {
    return Optional.of(new Ipv4Embedding(form, List.of(ipv4)));
  }

  private static byte[] slice(byte[] address, int from) {
    return Arrays.copyOfRange(address, from, from + 4);
  }
}
