package com.opstower.connection.entity;

import static com.opstower.connection.entity.HttpUrlSyntax.invalid;
import static com.opstower.http.PercentCodec.isHexDigit;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host of a connection URL: an ASCII DNS name, a dotted-quad IPv4 address or a bracketed IPv6
 * address, returned in one canonical spelling so that origins compare as plain strings.
 */
final class UrlHost {

  static final String NO_HOST =
      "Add a host name after the scheme, such as https://api.example.com.";
  static final String NON_ASCII_HOST =
      "Write the host name in ASCII; for an internationalised domain name use its xn-- (Punycode)"
          + " form.";
  static final String BAD_HOST =
      "Enter a valid host name (letters, digits, hyphens and dots) or an IP address; put IPv6"
          + " addresses in brackets, such as https://[2001:db8::1].";
  static final String TRAILING_DOT = "Remove the trailing dot from the host name.";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final int HOST_MAX = 253;
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private UrlHost() {}

  /**
   * Non-ASCII hosts are refused rather than converted: Java's {@code IDN} implements IDNA2003,
   * which maps some names (such as "faß.de") to a different host than browsers and IDNA2008
   * resolvers do, so a silent conversion could send credentials somewhere unexpected.
   */
  static String named(String host) {
    if (host.isEmpty()) {
      throw invalid(NO_HOST);
    }
    if (host.chars().anyMatch(c -> c > 0x7F)) {
      throw invalid(NON_ASCII_HOST);
    }
    if (host.endsWith(".") && host.length() > 1) {
      throw invalid(TRAILING_DOT);
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.length() > HOST_MAX) {
      throw invalid(BAD_HOST);
    }
    String[] labels = lower.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid(BAD_HOST);
      }
    }
    // A name ending in a digit label is an IPv4 address or nothing: "2130706433", "0x7f000001"
    // and "127.1" are read as 127.0.0.1 by some resolvers and browsers, and not by others.
    boolean numericEnd = Character.isDigit(labels[labels.length - 1].charAt(0));
    if (numericEnd && !IPV4.matcher(lower).matches()) {
      throw invalid(BAD_HOST);
    }
    return lower;
  }

  /** Canonical RFC 5952 text, so that {@code [0:0::1]} and {@code [::1]} are the same origin. */
  static String ipv6(String inside) {
    if (inside.isEmpty() || !inside.chars().allMatch(c -> isHexDigit(c) || c == ':' || c == '.')) {
      throw invalid(BAD_HOST); // also refuses zone ids ("%25eth0") and IPvFuture
    }
    IPAddress address = new IPAddressString(inside).getAddress();
    if (address == null || !address.isIPv6() || address.isPrefixed() || address.isMultiple()) {
      throw invalid(BAD_HOST);
    }
    return address.toCanonicalString();
  }

  /** java.net.URI must see a server-based authority, or later URL building would lose the host. */
  static void requireUriHost(String origin) {
    try {
      if (new URI(origin + "/").getHost() == null) {
        throw invalid(BAD_HOST); // e.g. "a.123": URI wants the last label to start with a letter
      }
    } catch (URISyntaxException e) {
      throw invalid(BAD_HOST);
    }
  }
}
