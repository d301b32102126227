package com.opstower.connection.entity;

import com.opstower.http.PercentCodec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks that {@link BaseUrl} and {@link DocsUrl} share: the text as a whole, the scheme, the
 * authority (host rules in {@link UrlHost}) and the characters of the rest. Parsed by hand instead
 * of trusting {@link URI} alone, because {@code URI} silently accepts what we must refuse (a
 * missing host becomes a "registry" authority, an empty port is allowed) and its errors are not
 * messages a person can act on. {@code URI} still has the last word: every accepted URL must parse
 * there with a non-null host.
 *
 * <p>Messages are written to sit next to a form field and never repeat the input, which may hold a
 * password in its user-info.
 */
final class HttpUrlSyntax {

  static final String INVISIBLE =
      "Remove the spaces, line breaks and other invisible characters from the URL.";
  static final String ONLY_HTTP = "Only http:// and https:// URLs are allowed.";
  static final String USER_INFO =
      "Remove the user name and password from the URL; credentials belong in the authentication"
          + " settings.";
  static final String BAD_PORT = "Use a port between 1 and 65535, or leave the port out.";
  static final String BAD_PERCENT =
      "Fix the percent-encoding in the URL: each '%' must be followed by two hexadecimal digits.";
  static final String MUST_ENCODE =
      "Percent-encode special characters in the URL, such as quotes, angle brackets, braces,"
          + " backslashes and non-ASCII letters.";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

  /** Scheme and authority, normalised; {@code rest} is the path, query and fragment as typed. */
  record Parts(String scheme, String host, boolean ipv6, int explicitPort, String rest) {

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    String origin() {
      String hostPart = ipv6 ? "[" + host + "]" : host;
      return scheme + "://" + hostPart + (explicitPort == -1 ? "" : ":" + explicitPort);
    }

    int effectivePort() {
      if (explicitPort != -1) {
        return explicitPort;
      }
      return scheme.equals("https") ? 443 : 80;
    }
  }

  private HttpUrlSyntax() {}

  static Parts split(String text, int maxLength, String example) {
    String absolute = "Enter an absolute http:// or https:// URL, such as " + example + ".";
    if (text == null || text.isEmpty()) {
      throw invalid(absolute);
    }
    if (text.length() > maxLength) {
      throw invalid("Use at most " + maxLength + " characters for the URL.");
    }
    if (text.codePoints().anyMatch(HttpUrlSyntax::isInvisible)) {
      throw invalid(INVISIBLE);
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || !SCHEME.matcher(text.substring(0, colon)).matches()) {
      throw invalid(absolute);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(ONLY_HTTP);
    }
    if (!text.startsWith("//", colon + 1)) {
      throw invalid(absolute); // "https:a.com", "https:/a.com", "https:\\a.com"
    }
    int start = colon + 3;
    int end = start;
    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String authority = text.substring(start, end);
    if (authority.indexOf('@') >= 0) {
      throw invalid(USER_INFO);
    }
    return splitAuthority(scheme, authority, text.substring(end));
  }

  private static Parts splitAuthority(String scheme, String authority, String rest) {
    String host;
    String afterHost;
    boolean ipv6 = authority.startsWith("[");
    if (ipv6) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw invalid(UrlHost.BAD_HOST);
      }
      host = UrlHost.ipv6(authority.substring(1, close));
      afterHost = authority.substring(close + 1);
    } else {
      int colon = authority.indexOf(':');
      if (colon != authority.lastIndexOf(':')) {
        throw invalid(UrlHost.BAD_HOST); // an IPv6 address without brackets, or two ports
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      afterHost = colon < 0 ? "" : authority.substring(colon);
      host = UrlHost.named(host);
    }
    int port = port(scheme, afterHost);
    Parts parts = new Parts(scheme, host, ipv6, port, rest);
    UrlHost.requireUriHost(parts.origin());
    return parts;
  }

  private static int port(String scheme, String afterHost) {
    if (afterHost.isEmpty()) {
      return -1;
    }
    String digits = afterHost.substring(1);
    if (afterHost.charAt(0) != ':'
        || digits.isEmpty()
        || digits.length() > 5
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(afterHost.charAt(0) == ':' ? BAD_PORT : UrlHost.BAD_HOST);
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw invalid(BAD_PORT);
    }
    boolean isDefault = scheme.equals("https") ? port == 443 : port == 80;
    return isDefault ? -1 : port;
  }

  /**
   * Checks the characters of a path, query or fragment: RFC 3986 {@code pchar}s, {@code /}, the
   * extra characters given, and well-formed {@code %XX} escapes.
   */
  static void checkUriCharacters(String part, String extraAllowed) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (!PercentCodec.isEscapeAt(part, i)) {
          throw invalid(BAD_PERCENT);
        }
      } else if (!isPchar(c) && c != '/' && extraAllowed.indexOf(c) < 0) {
        throw invalid(MUST_ENCODE);
      }
    }
  }

  /** Parses the final text; a failure here means a check above is missing, so say it plainly. */
  static URI toUri(String normalised) {
    try {
      URI uri = new URI(normalised);
      if (uri.getHost() == null || uri.getRawUserInfo() != null || !uri.isAbsolute()) {
        throw invalid(UrlHost.BAD_HOST);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(MUST_ENCODE);
    }
  }

  private static boolean isPchar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  /** Whitespace, controls and format characters (zero-width, direction overrides). */
  private static boolean isInvisible(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT;
  }

  static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }
}
