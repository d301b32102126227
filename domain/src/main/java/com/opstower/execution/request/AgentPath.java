package com.opstower.execution.request;

import com.opstower.http.PercentCodec;
import com.opstower.http.UnsafeChars;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the agent's {@code path} into encoded segments that can only append to a base path
 * (docs/security.md §1). Each segment is percent-decoded strictly, checked again after every
 * further decoding round (so {@code %252e} is seen as the {@code .} a double-decoding server would
 * see), and then re-encoded by us. A path is always relative to the base: {@code /invoices} and
 * {@code invoices} both append; empty or {@code /} means the base itself.
 *
 * <p>Decided: {@code {}} in a path is plain data and goes out as {@code %7B}/{@code %7D} (we never
 * hand agent text to a template engine); a colon is data, also in the first segment ({@code
 * values:batchGet}), unless the path really is a URL ({@link #ABSOLUTE_URL}); {@code ;} is data
 * ({@code %3B}) unless it hides an empty or dot segment; segments of only dots and spaces ({@code
 * ...}, {@code . .}) are refused because some servers trim them to {@code ..}.
 */
final class AgentPath {

  static final int MAX_LENGTH = 2048;

  /** Beyond this many nested encodings the input is an attack, not data. */
  private static final int MAX_DECODE_ROUNDS = 4;

  /**
   * What really is a URL rather than a path: {@code scheme://…}, or a scheme that browsers and HTTP
   * libraries act on without {@code //}. A colon in the first segment is otherwise data:
   * Google-style custom methods ({@code values:batchGet}) are paths, and the path is always
   * appended after a {@code /} of ours, so no client can read it as a scheme.
   */
  private static final Pattern ABSOLUTE_URL =
      Pattern.compile(
          "^(?:[A-Za-z][A-Za-z0-9+.-]*://|(?i:https?|javascript|vbscript|data|file|ftp|wss?|blob"
              + "|jar|mailto):)");

  private AgentPath() {}

  /** The encoded text to append to the base path: "" for the base itself, else "/seg[/seg…][/]". */
  static String encode(String path) {
    if (path == null) {
      throw new ProblemException(ProblemCode.INVALID_REQUEST, "The path is required.");
    }
    checkWhole(path);
    String rest = path.startsWith("/") ? path.substring(1) : path;
    if (rest.isEmpty()) {
      return "";
    }
    boolean trailingSlash = rest.endsWith("/");
    if (trailingSlash) {
      rest = rest.substring(0, rest.length() - 1);
    }
    StringBuilder encoded = new StringBuilder(rest.length() + 16);
    for (String segment : rest.split("/", -1)) {
      encoded.append('/').append(encodeSegment(path, segment));
    }
    return trailingSlash ? encoded.append('/').toString() : encoded.toString();
  }

  /**
   * The decoded segments of what {@link #encode} returned, for matching path patterns: none for the
   * base itself, and a trailing slash adds none.
   */
  static List<String> segments(String encoded) {
    List<String> segments = new ArrayList<>();
    for (String segment : encoded.split("/")) {
      if (!segment.isEmpty()) {
        // our own encoding of a segment that was checked: it decodes
        segments.add(PercentCodec.decode(segment).orElseThrow());
      }
    }
    return segments;
  }

  private static void checkWhole(String path) {
    if (path.length() > MAX_LENGTH) {
      throw new ProblemException(
          ProblemCode.PATH_NOT_ALLOWED, "The path is longer than " + MAX_LENGTH + " characters.");
    }
    if (ABSOLUTE_URL.matcher(path).find()) {
      throw refused(path, "is an absolute URL; paths are relative to the connection's base URL");
    }
    if (path.contains("//")) {
      throw refused(path, "contains '//'");
    }
    if (path.indexOf('\\') >= 0) {
      throw refused(path, "contains a backslash");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw refused(path, "contains '?' or '#'; pass query parameters in 'query'");
    }
    String unsafe = UnsafeChars.describe(path);
    if (unsafe != null) {
      throw refused(path, "contains " + unsafe);
    }
  }

  private static String encodeSegment(String path, String raw) {
    if (PercentCodec.hasMalformedEscape(raw)) {
      throw refused(path, "contains a malformed percent escape");
    }
    String decoded =
        PercentCodec.decode(raw)
            .orElseThrow(() -> refused(path, "contains percent escapes that are not UTF-8"));
    String level = decoded;
    for (int round = 1; ; round++) {
      checkDecoded(path, level, round);
      if (!PercentCodec.hasEscape(level)) {
        break;
      }
      if (round == MAX_DECODE_ROUNDS) {
        throw refused(path, "is percent-encoded too many times");
      }
      level =
          PercentCodec.decode(level)
              .orElseThrow(() -> refused(path, "contains nested escapes that are not UTF-8"));
    }
    // ':' stays readable (e.g. "/things:batchGet"); everything else but unreserved is encoded.
    return PercentCodec.encode(decoded, ":");
  }

  /** Checks one decoding level of a segment; {@code round} 1 is what any server decodes. */
  private static void checkDecoded(String path, String text, int round) {
    if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) {
      throw refused(path, "contains an encoded '/' or '\\'");
    }
    String unsafe = UnsafeChars.describe(text);
    if (unsafe != null) {
      throw refused(path, "contains an encoded form of " + unsafe);
    }
    if (round > 1 && (text.indexOf('?') >= 0 || text.indexOf('#') >= 0)) {
      throw refused(path, "contains a double-encoded '?' or '#'");
    }
    if (isDotLike(text)) {
      throw refused(path, "contains a '.' or '..' segment");
    }
    if (text.indexOf(';') >= 0) {
      String[] pieces = text.split(";", -1);
      for (int i = 0; i < pieces.length; i++) {
        if ((i == 0 && pieces[i].isEmpty()) || isDotLike(pieces[i])) {
          throw refused(path, "hides an empty or dot segment behind a ';' path parameter");
        }
      }
    }
  }

  /** "." and "..", and also "...", ". ." and the like, which some servers trim down to "..". */
  private static boolean isDotLike(String text) {
    return text.indexOf('.') >= 0 && text.chars().allMatch(c -> c == '.' || c == ' ');
  }

  private static ProblemException refused(String path, String why) {
    return new ProblemException(
        ProblemCode.PATH_NOT_ALLOWED, "The path " + SafeText.quote(path) + " " + why + ".");
  }
}
