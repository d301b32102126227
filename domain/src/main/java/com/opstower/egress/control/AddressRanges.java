package com.opstower.egress.control;

import java.util.List;
import java.util.Optional;

/**
 * Every address range the egress policy knows about, in one place. Sources: the IANA IPv4 and IPv6
 * Special-Purpose Address Registries and the cloud providers' metadata endpoints.
 */
final class AddressRanges {

  /** A block and the short phrase logged and shown when an address in it is refused. */
  record Range(Cidr cidr, String reason) {}

  static final String CLOUD_METADATA = "cloud metadata address";
  static final String LINK_LOCAL = "link-local address";

  /**
   * Refused whatever the configuration; {@code allow-cidrs} cannot re-open them. Order matters only
   * for the reason: the most specific block comes first (a metadata address is also link-local).
   */
  static final List<Range> ALWAYS_BLOCKED =
      List.of(
          // Instance metadata hands out cloud credentials: the classic SSRF target.
          range("169.254.169.254", CLOUD_METADATA), // AWS, GCP, Azure, OpenStack, DigitalOcean
          range("169.254.170.2", CLOUD_METADATA), // AWS ECS task credentials
          range("fd00:ec2::254", CLOUD_METADATA), // AWS IMDS over IPv6 (inside fc00::/7)
          range("100.100.100.200", CLOUD_METADATA), // Alibaba Cloud (inside 100.64.0.0/10)
          range("192.0.0.192", CLOUD_METADATA), // Oracle Cloud (inside 192.0.0.0/24)
          range("168.63.129.16", CLOUD_METADATA), // Azure WireServer (VM agent and extensions)
          range("169.254.0.0/16", LINK_LOCAL), // RFC 3927: never leaves the host's link
          range("fe80::/10", LINK_LOCAL), // RFC 4291
          range("0.0.0.0/8", "\"this network\" address"), // RFC 791; 0.0.0.0 reaches local services
          range("::/128", "unspecified address"), // RFC 4291; like 0.0.0.0 on many stacks
          range("255.255.255.255", "broadcast address"), // RFC 919
          range("224.0.0.0/4", "multicast address"), // RFC 5771
          range("ff00::/8", "multicast address"), // RFC 4291
          range("240.0.0.0/4", "reserved address (240.0.0.0/4)"), // RFC 1112 "future use"
          range("192.0.0.0/24", "reserved address (IETF protocol assignments)"), // RFC 6890
          range("192.0.2.0/24", "reserved address (documentation, TEST-NET-1)"), // RFC 5737
          range("198.51.100.0/24", "reserved address (documentation, TEST-NET-2)"), // RFC 5737
          range("203.0.113.0/24", "reserved address (documentation, TEST-NET-3)"), // RFC 5737
          range("198.18.0.0/15", "reserved address (benchmarking)"), // RFC 2544
          range("192.88.99.0/24", "reserved address (deprecated 6to4 relay anycast)"), // RFC 7526
          range("100::/64", "reserved address (discard-only)"), // RFC 6666
          range("2001:2::/48", "reserved address (benchmarking)"), // RFC 5180
          range("2001:10::/28", "reserved address (ORCHID identifiers)"), // RFC 4843, deprecated
          range("2001:20::/28", "reserved address (ORCHIDv2 identifiers)"), // RFC 7343
          range("2001:db8::/32", "reserved address (documentation)"), // RFC 3849
          range("3fff::/20", "reserved address (documentation)"), // RFC 9637
          range("5f00::/16", "reserved address (SRv6 segment identifiers)"), // RFC 9602
          range("fec0::/10", "reserved address (deprecated site-local)")); // RFC 3879

  /** Follow {@code opstower.egress.allow-loopback}. */
  static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"));

  /** Follow {@code opstower.egress.allow-private}: internal services reachable on purpose. */
  static final List<Cidr> PRIVATE =
      List.of(
          Cidr.parse("10.0.0.0/8"), // RFC 1918
          Cidr.parse("172.16.0.0/12"), // RFC 1918
          Cidr.parse("192.168.0.0/16"), // RFC 1918
          Cidr.parse("100.64.0.0/10"), // RFC 6598 carrier-grade NAT (shared address space)
          Cidr.parse("fc00::/7")); // RFC 4193 unique local addresses

  // IPv6 forms that carry an IPv4 address; the policy judges the IPv4 inside (see Ipv4Embedding).
  /** {@code ::ffff:a.b.c.d}, RFC 4291. */
  static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");

  /** {@code ::ffff:0:a.b.c.d}, RFC 2765 (SIIT). */
  static final Cidr IPV4_TRANSLATED = Cidr.parse("::ffff:0:0:0/96");

  /** {@code ::a.b.c.d}, RFC 4291, deprecated; it contains {@code ::} and {@code ::1}. */
  static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");

  /** {@code ::} and {@code ::1}: inside the compatible block but judged as themselves. */
  static final Cidr UNSPECIFIED_AND_LOOPBACK_V6 = Cidr.parse("::/127");

  /** {@code 64:ff9b::a.b.c.d}, RFC 6052 well-known NAT64 prefix. */
  static final Cidr NAT64_WELL_KNOWN = Cidr.parse("64:ff9b::/96");

  /** RFC 8215 local-use NAT64 space; operators carve their own prefix out of it. */
  static final Cidr NAT64_LOCAL_USE = Cidr.parse("64:ff9b:1::/48");

  /** {@code 2002:AABB:CCDD::/48} carries {@code AA.BB.CC.DD}, RFC 3056. */
  static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  /** {@code 2001:0:SERVER:flags:port:~CLIENT}, RFC 4380. */
  static final Cidr TEREDO = Cidr.parse("2001::/32");

  private AddressRanges() {}

  static Optional<String> alwaysBlockedReason(byte[] address) {
    return ALWAYS_BLOCKED.stream()
        .filter(range -> range.cidr().contains(address))
        .map(Range::reason)
        .findFirst();
  }

  static boolean isLoopback(byte[] address) {
    return anyContains(LOOPBACK, address);
  }

  static boolean isPrivate(byte[] address) {
    return anyContains(PRIVATE, address);
  }

  static boolean anyContains(List<Cidr> cidrs, byte[] address) {
    return cidrs.stream().anyMatch(cidr -> cidr.contains(address));
  }

  private static Range range(String cidr, String reason) {
    return new Range(Cidr.parse(cidr), reason);
  }
}
