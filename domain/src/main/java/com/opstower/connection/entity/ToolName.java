package com.opstower.connection.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a connection's display name into a function name that OpenAI-style function calling accepts
 * ({@code ^[a-zA-Z0-9_-]{1,64}$}): "Internal Billing API" → {@code internal_billing_api}.
 */
public final class ToolName {

  public static final int MAX_LENGTH = 64;
  static final String FALLBACK = "api";

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9_-]+");
  private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

  private ToolName() {}

  public static String from(String displayName) {
    if (displayName == null) {
      return FALLBACK;
    }
    // Strip accents first so that "Café" becomes "cafe" rather than "caf_".
    String folded =
        COMBINING_MARKS
            .matcher(Normalizer.normalize(displayName, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    String name = trim(NOT_ALLOWED.matcher(folded).replaceAll("_"));
    if (name.length() > MAX_LENGTH) {
      name = trim(name.substring(0, MAX_LENGTH));
    }
    return name.isEmpty() ? FALLBACK : name;
  }

  /** {@code base} with {@code _n} appended, shortening {@code base} so the result fits. */
  public static String withSuffix(String base, int n) {
    String suffix = "_" + n;
    String head =
        base.length() + suffix.length() > MAX_LENGTH
            ? trim(base.substring(0, MAX_LENGTH - suffix.length()))
            : base;
    return (head.isEmpty() ? FALLBACK : head) + suffix;
  }

  private static String trim(String name) {
    return EDGE_UNDERSCORES.matcher(name).replaceAll("");
  }
}
