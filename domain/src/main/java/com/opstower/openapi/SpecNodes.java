package com.opstower.openapi;

import java.util.List;
import java.util.Map;

/** Reading values out of a {@link SpecTree}, and following local {@code $ref}s in it. */
final class SpecNodes {

  /** How many {@code $ref}s one value may pass through before it is taken as a loop. */
  private static final int MAX_REF_HOPS = 20;

  private SpecNodes() {}

  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  static String text(Object value) {
    return value instanceof String text ? text : null;
  }

  /**
   * The value itself, or what its {@code $ref} points to within the document ({@code
   * #/components/parameters/Page}); empty for a reference to another document, a reference that
   * leads nowhere, or a loop.
   */
  static Map<?, ?> resolved(Object value, Map<?, ?> root) {
    Object current = value;
    for (int hop = 0; hop <= MAX_REF_HOPS; hop++) {
      Map<?, ?> node = map(current);
      String ref = text(node.get("$ref"));
      if (ref == null) {
        return node;
      }
      if (!ref.startsWith("#")) {
        return Map.of();
      }
      current = pointer(root, ref.substring(1));
    }
    return Map.of();
  }

  /** A JSON Pointer (RFC 6901) into the document; null where it leads nowhere. */
  static Object pointer(Map<?, ?> root, String pointer) {
    Object current = root;
    if (pointer.isEmpty()) {
      return current;
    }
    if (!pointer.startsWith("/")) {
      return null;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = percentDecoded(raw).replace("~1", "/").replace("~0", "~");
      if (current instanceof Map<?, ?> map) {
        current = map.get(token);
      } else if (current instanceof List<?> list && token.matches("\\d{1,9}")) {
        int index = Integer.parseInt(token);
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  /** A URI fragment is percent-encoded ({@code %7B} for "{" in path names). */
  private static String percentDecoded(String token) {
    if (token.indexOf('%') < 0) {
      return token;
    }
    try {
      return java.net.URLDecoder.decode(
          token.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return token;
    }
  }

  /** One line of plain text: no control characters, runs of white space as one space. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 400));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < 400; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || isInvisibleFormat(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Bidirectional overrides and zero-width characters: text that reads differently than it is. */
  private static boolean isInvisibleFormat(char c) {
    return Character.getType(c) == Character.FORMAT;
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
