package com.opstower.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-encoding by hand, because the JDK's {@code URLEncoder} writes {@code +} for a space and
 * {@code URLDecoder} accepts malformed input. Decoding is strict UTF-8: overlong forms such as
 * {@code %C0%AE} (a disguised dot) are refused rather than mapped.
 */
public final class PercentCodec {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /**
   * Encodes everything except RFC 3986 unreserved characters and {@code alsoKeep}. The text must be
   * valid Unicode (no lone surrogates); callers check that first.
   */
  public static String encode(String text, String alsoKeep) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c) || (c < 0x80 && alsoKeep.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  public static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Whether a {@code %} is not followed by two hex digits. */
  public static boolean hasMalformedEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (!isEscapeAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text holds at least one well-formed {@code %XX} escape. */
  public static boolean hasEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (isEscapeAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decodes every well-formed {@code %XX} escape; a {@code %} that starts no escape stays as it is.
   * Empty when the decoded bytes are not valid UTF-8.
   */
  public static Optional<String> decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int runStart = 0;
    for (int i = 0; i < text.length(); ) {
      int escaped = escapedByteAt(text, i);
      if (escaped >= 0) {
        bytes.writeBytes(text.substring(runStart, i).getBytes(StandardCharsets.UTF_8));
        bytes.write(escaped);
        i += 3;
        runStart = i;
      } else {
        i++;
      }
    }
    bytes.writeBytes(text.substring(runStart).getBytes(StandardCharsets.UTF_8));
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Whether the {@code %} at {@code i} is followed by two ASCII hex digits. */
  public static boolean isEscapeAt(String text, int i) {
    return i + 2 < text.length()
        && isHexDigit(text.charAt(i + 1))
        && isHexDigit(text.charAt(i + 2));
  }

  /** The byte value (0–255) of the {@code %XX} escape at {@code i}, or -1 if none starts there. */
  public static int escapedByteAt(String text, int i) {
    if (i < 0 || i >= text.length() || text.charAt(i) != '%' || !isEscapeAt(text, i)) {
      return -1;
    }
    return Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16);
  }

  /** 0-9, a-f, A-F; not {@link Character#digit}, which takes the digits of any script. */
  public static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
