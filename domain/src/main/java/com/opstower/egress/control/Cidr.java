package com.opstower.egress.control;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a block of
 * one. Parsing is strict because these come from configuration and a lenient reading (octal {@code
 * 010.0.0.0}, wildcards, masks, zones) could open or close something other than intended.
 */
final class Cidr {

  // Only hex digits, dots and colons, then an optional decimal prefix length without leading
  // zeros: rejects wildcards, ranges, masks, zones and inner whitespace before the library sees the
  // text. (The library's own leading-zero switch for prefix lengths also refuses "/0".)
  private static final Pattern SHAPE = Pattern.compile("[0-9A-Fa-f:.]+(/(0|[1-9][0-9]{0,2}))?");

  private static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowSingleSegment(false)
          .allowMask(false)
          .allowPrefixOnly(false)
          .allowWildcardedSeparator(false)
          .setRangeOptions(RangeParameters.NO_RANGE)
          .allow_inet_aton(false)
          .getIPv4AddressParametersBuilder()
          .allowLeadingZeros(false)
          .allowBinary(false)
          .allowPrefixesBeyondAddressSize(false)
          .getParentBuilder()
          .getIPv6AddressParametersBuilder()
          .allowZone(false)
          .allowBase85(false)
          .allowBinary(false)
          .allowPrefixesBeyondAddressSize(false)
          .getParentBuilder()
          .toParams();

  private final byte[] network;
  private final int prefixLength;

  private Cidr(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses {@code a.b.c.d[/n]} or an IPv6 address with optional {@code /n}. Host bits must be zero
   * ({@code 10.1.2.3/8} is refused as a probable typo).
   *
   * @throws IllegalArgumentException naming the text when it is not a valid block
   */
  static Cidr parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (!SHAPE.matcher(trimmed).matches()) {
      throw invalid(text, "expected an address with an optional /prefix-length");
    }
    IPAddress parsed;
    try {
      parsed = new IPAddressString(trimmed, STRICT).toAddress();
    } catch (AddressStringException e) {
      throw invalid(text, "not a valid IPv4 or IPv6 block");
    }
    if (parsed == null) {
      throw invalid(text, "not a valid IPv4 or IPv6 block");
    }
    Integer prefix = parsed.getNetworkPrefixLength();
    byte[] bytes = parsed.getLower().getBytes();
    Cidr cidr = new Cidr(bytes, prefix == null ? bytes.length * 8 : prefix);
    if (!cidr.hostBitsAreZero()) {
      throw invalid(text, "host bits are set after the prefix length");
    }
    return cidr;
  }

  /** True when {@code address} (4 or 16 bytes) lies in this block; IPv4 never matches IPv6. */
  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xff << (8 - remainingBits)) & 0xff;
    return (address[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  int prefixLength() {
    return prefixLength;
  }

  @Override
  public String toString() {
    return AddressText.of(network) + "/" + prefixLength;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that
        && prefixLength == that.prefixLength
        && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  private boolean hostBitsAreZero() {
    for (int bit = prefixLength; bit < network.length * 8; bit++) {
      if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * An IPv4-mapped block ({@code ::ffff:10.0.0.0/104}) as its IPv4 block ({@code 10.0.0.0/8}). The
   * policy judges mapped addresses as IPv4, so an operator's mapped block must be IPv4 to match.
   * Not for the fixed tables: there {@code ::ffff:0:0/96} must stay the IPv6 block it is.
   */
  Cidr asIpv4IfMapped() {
    boolean mapped = network.length == 16 && prefixLength >= 96 && isMappedPrefix(network);
    return mapped ? new Cidr(Arrays.copyOfRange(network, 12, 16), prefixLength - 96) : this;
  }

  private static boolean isMappedPrefix(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("Invalid CIDR \"" + text + "\": " + why);
  }
}
