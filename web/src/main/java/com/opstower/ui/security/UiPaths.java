package com.opstower.ui.security;

import com.opstower.http.PercentCodec;
import java.util.List;
import java.util.Optional;

/**
 * Which request paths belong to the UI and which of those are open without login. Everything not
 * listed as foreign (the JSON API, MicroProfile endpoints) is a UI path.
 */
public final class UiPaths {

  public static final String LOGIN = "/login";

  public static final String LOGOUT = "/logout";

  /** A deep link longer than this is not kept across sign-in. */
  static final int NEXT_MAX = 2048;

  /** Besides letters and digits, what RFC 3986 allows in a path as this UI uses it (no ';'). */
  private static final String PATH_CHARS = "-._~!$&'()*+,=@/";

  /** Besides letters and digits, what RFC 3986 allows in a query. */
  private static final String QUERY_CHARS = PATH_CHARS + ";:?";

  /** Served by other parts of the server with their own authentication (or none). */
  private static final List<String> FOREIGN =
      List.of("/api/", "/api", "/health", "/openapi", "/metrics");

  /** The stylesheet and script the login page uses: one plain file name under /assets/. */
  private static final java.util.regex.Pattern ASSET =
      java.util.regex.Pattern.compile("/assets/[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");

  private UiPaths() {}

  /** {@code path} is relative to the context root, e.g. {@code /connections}. */
  public static boolean isForeign(String path) {
    return !isAmbiguous(path) && FOREIGN.stream().anyMatch(prefix -> matches(path, prefix));
  }

  /** Only the exact login page and asset files; nothing below or beside them. */
  public static boolean isOpen(String path) {
    return !isAmbiguous(path) && (path.equals(LOGIN) || ASSET.matcher(path).matches());
  }

  /**
   * Where a sign-in may send the browser next: a UI page of this application as a path relative to
   * the context root, with its query, e.g. {@code /agents} or {@code /activity?agent=x}. Anything
   * else is refused, so the parameter cannot redirect elsewhere: it must start with exactly one
   * {@code /} (not {@code //}, which is another host), contain no backslash (browsers read it as a
   * slash), scheme, fragment, space or control character (encoded ones included); its path must
   * hold no dot segment, no path parameter and no encoded slash, backslash, dot or percent sign
   * (double encoding). The sign-in pages themselves and the paths the UI does not serve ({@code
   * /api/…}, health, metrics, OpenAPI) are refused too.
   *
   * @return the path unchanged when it may be followed, else empty
   */
  public static Optional<String> safeNext(String next) {
    if (next == null
        || next.isEmpty()
        || next.length() > NEXT_MAX
        || !isUrlSyntax(next)
        || next.startsWith("//")) {
      return Optional.empty();
    }
    int query = next.indexOf('?');
    String path = query < 0 ? next : next.substring(0, query);
    if (isAmbiguous(path)
        || path.contains("%25")
        || isForeign(path)
        || isOpen(path)
        || matches(path, LOGIN)
        || matches(path, LOGOUT)
        || path.startsWith("/assets/")) {
      return Optional.empty();
    }
    return Optional.of(next);
  }

  /**
   * A path starting with {@code /} and an optional query, of RFC 3986 characters only: no fragment,
   * space, backslash, double quote or anything outside ASCII, and every {@code %} starts a valid
   * escape that is not a control character ({@code %0d}, {@code %00}, {@code %7f}, …). A plain
   * loop: a regular expression with alternation recursed once per character.
   */
  private static boolean isUrlSyntax(String next) {
    if (next.charAt(0) != '/') {
      return false;
    }
    boolean query = false;
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c == '%') {
        int escaped = PercentCodec.escapedByteAt(next, i);
        if (escaped < 0x20 || escaped == 0x7f) {
          return false;
        }
        i += 2;
      } else if (c == '?') {
        query = true;
      } else if (!(c < 0x80 && Character.isLetterOrDigit(c))
          && (query ? QUERY_CHARS : PATH_CHARS).indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Dot segments, encoded dots or slashes, path parameters and backslashes could make a path look
   * open or foreign here and mean something else to the router: such paths always need login.
   */
  private static boolean isAmbiguous(String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("/.")
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains(";")
        || lower.contains("\\");
  }

  private static boolean matches(String path, String prefix) {
    if (prefix.endsWith("/")) {
      return path.startsWith(prefix);
    }
    return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
  }
}
