package com.opstower.execution.response;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Where to cut a text so that it fits in a byte budget when encoded in the response's charset,
 * always on a code point boundary. Counting in the upstream's own charset keeps "at most N bytes of
 * the response" literal: without redaction the body is exactly what the first N bytes decode to.
 *
 * <p>The byte-order mark of {@code UTF-16} is not counted (it is not body text). A charset the JVM
 * can decode but not encode is counted as UTF-8. Stateful encodings (ISO-2022) are counted without
 * their final shift sequence.
 */
final class ByteCut {

  record Cut(int end, int bytes) {}

  private ByteCut() {}

  static Cut cut(String text, int capBytes, Charset charset) {
    Charset counting = countingCharset(charset);
    if (counting.equals(StandardCharsets.UTF_8)) {
      return cutUtf8(text, capBytes);
    }
    CharsetEncoder encoder =
        counting
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer scratch = ByteBuffer.allocate(64);
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int next = i + Character.charCount(text.codePointAt(i));
      scratch.clear();
      encoder.encode(CharBuffer.wrap(text, i, next), scratch, false);
      if (bytes + scratch.position() > capBytes) {
        break;
      }
      bytes += scratch.position();
      i = next;
    }
    return new Cut(i, bytes);
  }

  /**
   * UTF-8 by UTF-16 unit, ASCII first (most API answers are ASCII throughout): a surrogate pair is
   * one 4-byte code point, a lone surrogate is counted as the 3 bytes of its replacement.
   */
  private static Cut cutUtf8(String text, int capBytes) {
    int length = text.length();
    int i = 0;
    int asciiEnd = Math.min(length, capBytes);
    while (i < asciiEnd && text.charAt(i) < 0x80) {
      i++;
    }
    int bytes = i;
    while (i < length) {
      char c = text.charAt(i);
      int units = 1;
      int size;
      if (c < 0x80) {
        size = 1;
      } else if (c < 0x800) {
        size = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        size = 4;
        units = 2;
      } else {
        size = 3;
      }
      if (bytes + size > capBytes) {
        break;
      }
      bytes += size;
      i += units;
    }
    return new Cut(i, bytes);
  }

  private static Charset countingCharset(Charset charset) {
    if (charset.name().equals("UTF-16")) {
      return StandardCharsets.UTF_16BE;
    }
    return charset.canEncode() ? charset : StandardCharsets.UTF_8;
  }
}
