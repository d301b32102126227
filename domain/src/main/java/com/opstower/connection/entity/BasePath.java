package com.opstower.connection.entity;

import static com.opstower.connection.entity.HttpUrlSyntax.invalid;

import com.opstower.http.PercentCodec;

/**
 * The path of a base URL. Agent paths are appended below it and must stay under it, so it has to be
 * unambiguous: no dot segments, no encoded separators, no empty segments, however encoded. The
 * percent-encoding is kept as typed (decoding could change what the upstream sees).
 */
final class BasePath {

  static final String DOT_SEGMENT =
      "Remove the '.' and '..' segments from the path (also when percent-encoded).";
  static final String ENCODED_SEPARATOR =
      "Remove the encoded slashes and backslashes (%2F, %5C) from the path.";
  static final String EMPTY_SEGMENT = "Remove the empty segment ('//') from the path.";
  static final String ENCODED_CONTROL =
      "Remove the encoded control characters (such as %00 or %0A) from the path.";

  /** Double and triple encodings are unwound too; an upstream proxy may decode more than once. */
  private static final int DECODE_ROUNDS = 3;

  private BasePath() {}

  /** Returns the path without trailing slashes ("" for none) or throws with a user message. */
  static String normalise(String rawPath) {
    HttpUrlSyntax.checkUriCharacters(rawPath, "");
    int end = rawPath.length();
    while (end > 0 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    String path = rawPath.substring(0, end);
    if (path.isEmpty()) {
      return "";
    }
    // path starts with '/', so the first element of the split is the empty string before it
    String[] segments = path.substring(1).split("/", -1);
    for (String segment : segments) {
      checkSegment(segment);
    }
    return path;
  }

  private static void checkSegment(String segment) {
    if (segment.isEmpty()) {
      throw invalid(EMPTY_SEGMENT);
    }
    String current = segment;
    for (int round = 0; round <= DECODE_ROUNDS; round++) {
      // "..;jsessionid" is ".." to Tomcat and friends: judge the part before any parameters
      int semicolon = current.indexOf(';');
      String name = semicolon < 0 ? current : current.substring(0, semicolon);
      if (name.equals(".") || name.equals("..")) {
        throw invalid(DOT_SEGMENT);
      }
      if (round > 0 && (current.indexOf('/') >= 0 || current.indexOf('\\') >= 0)) {
        throw invalid(ENCODED_SEPARATOR);
      }
      if (round > 0 && current.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
        throw invalid(ENCODED_CONTROL);
      }
      String decoded = decodeBytes(current);
      if (decoded.equals(current)) {
        return;
      }
      current = decoded;
    }
  }

  /**
   * Decodes {@code %XX} escapes to chars of the same byte value (ISO-8859-1). Enough to spot ASCII
   * dots, slashes and controls without caring whether the other bytes form valid UTF-8; a '%' that
   * does not start an escape (possible after a first round) is left as it is.
   */
  private static String decodeBytes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      int escaped = PercentCodec.escapedByteAt(text, i);
      if (escaped >= 0) {
        out.append((char) escaped);
        i += 2;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }
}
