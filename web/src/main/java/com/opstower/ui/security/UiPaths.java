package com.opstower.ui.security;

import java.util.List;

/**
 * Which request paths belong to the UI and which of those are open without login. Everything not
 * listed as foreign (the JSON API, MicroProfile endpoints) is a UI path.
 */
public final class UiPaths {

  public static final String LOGIN = "/login";

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
