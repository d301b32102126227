package com.opstower.connection.entity;

import com.opstower.http.PercentCodec;
import com.opstower.http.UnsafeChars;
import java.util.ArrayList;
import java.util.List;

/**
 * One allowed path of a connection's policy (docs/api.md "Per-connection policy"), relative to the
 * base path: {@code /invoices}, {@code /invoices/*}, {@code /customers/**}. {@code *} is exactly
 * one segment, {@code **} any number of segments (zero included); every other segment matches
 * literally, compared with the agent's path after the path rules have accepted it and decoded its
 * segments. So {@code /users/*} allows {@code /users/42} but neither {@code /users42} nor {@code
 * /users/42/keys}. A trailing slash makes no difference, on either side.
 */
public final class PathPattern {

  public static final int MAX_LENGTH = 200;

  private static final String ONE = "*";
  private static final String ANY = "**";

  /**
   * How wildcards are kept among the literal segments: no decoded path segment can contain a NUL
   * (the path rules refuse control characters), so a literal {@code %2A} — a real "*" — never
   * counts as a wildcard.
   */
  private static final String ONE_MARK = "\u0000one";

  private static final String ANY_MARK = "\u0000any";

  private final String text;
  private final List<String> segments;

  private PathPattern(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * @throws IllegalArgumentException with a message that says what to change
   */
  public static PathPattern parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(
          "A path pattern cannot be empty; use / for the base path.");
    }
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "The path pattern " + shown + " is longer than " + MAX_LENGTH + " characters.");
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException(
          "Start the path pattern " + shown + " with / (it is relative to the base URL).");
    }
    String unsafe = UnsafeChars.describe(text);
    if (unsafe != null || text.indexOf(' ') >= 0) {
      throw new IllegalArgumentException(
          "The path pattern " + shown + " contains " + (unsafe != null ? unsafe : "a space") + ".");
    }
    if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0 || text.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          "The path pattern " + shown + " may not contain ?, # or \\: it matches paths only.");
    }
    if (text.contains("//")) {
      throw new IllegalArgumentException("The path pattern " + shown + " contains //.");
    }
    List<String> segments = new ArrayList<>();
    for (String raw : split(text)) {
      if (raw.equals(ONE) || raw.equals(ANY)) {
        segments.add(raw.equals(ONE) ? ONE_MARK : ANY_MARK);
        continue;
      }
      if (raw.indexOf('*') >= 0) {
        throw new IllegalArgumentException(
            "In the path pattern "
                + shown
                + ", * and ** stand for whole segments: write /reports/* rather than /reports*.");
      }
      if (PercentCodec.hasMalformedEscape(raw)) {
        throw new IllegalArgumentException(
            "The path pattern " + shown + " contains a malformed percent escape.");
      }
      String decoded =
          PercentCodec.decode(raw)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The path pattern " + shown + " contains escapes that are not UTF-8."));
      if (decoded.equals(".") || decoded.equals("..") || decoded.indexOf('/') >= 0) {
        throw new IllegalArgumentException(
            "The path pattern " + shown + " contains a . or .. segment or an encoded /.");
      }
      segments.add(decoded);
    }
    return new PathPattern(text, List.copyOf(segments));
  }

  /** The pattern as the admin wrote it. */
  public String text() {
    return text;
  }

  /**
   * Whether the agent's path, as its decoded segments (none for the base path itself), is allowed.
   */
  public boolean matches(List<String> path) {
    // matched[s]: the pattern's segments so far can end just before path segment s. One pass per
    // pattern segment, so a pattern full of ** costs (pattern × path) steps, never backtracking.
    boolean[] matched = new boolean[path.size() + 1];
    matched[0] = true;
    for (String segment : segments) {
      boolean[] next = new boolean[path.size() + 1];
      if (segment.equals(ANY_MARK)) {
        boolean reachable = false;
        for (int s = 0; s <= path.size(); s++) {
          reachable |= matched[s];
          next[s] = reachable;
        }
      } else {
        for (int s = 0; s < path.size(); s++) {
          next[s + 1] = matched[s] && (segment.equals(ONE_MARK) || segment.equals(path.get(s)));
        }
      }
      matched = next;
    }
    return matched[path.size()];
  }

  /** The non-empty segments of a path: "/a/b/" and "/a/b" both give [a, b]; "/" gives none. */
  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.substring(1).split("/", -1)) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathPattern that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
