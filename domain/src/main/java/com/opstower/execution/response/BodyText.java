package com.opstower.execution.response;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of the bytes the reader took from the upstream, and sniffing when no type was given. */
final class BodyText {

  private BodyText() {}

  /**
   * Decodes {@code bytes[0, length)}; malformed input becomes U+FFFD, never an exception. When the
   * stream did not end, an incomplete character at the end is left undecoded instead of replaced.
   */
  static String decode(byte[] bytes, int length, Charset charset, boolean endOfStream) {
    if (endOfStream) {
      // The same replacement of malformed input as the decoder below, straight into the string's
      // own array: the decoder's char buffer and the copy out of it were 7 % of the server's
      // allocation with a thousand calls in flight.
      return new String(bytes, 0, length, charset);
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 16);
    while (true) {
      CoderResult result = decoder.decode(in, out, endOfStream);
      if (result.isOverflow()) {
        out = grow(out);
        continue;
      }
      break;
    }
    if (endOfStream) {
      while (decoder.flush(out).isOverflow()) {
        out = grow(out);
      }
    }
    return out.flip().toString();
  }

  /** No NUL byte and valid UTF-8 (an incomplete last character is fine when the stream goes on). */
  static boolean looksLikeText(byte[] bytes, int length, boolean endOfStream) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 16);
    // with endOfInput=true an incomplete last character is reported as malformed too
    return !strict.decode(in, out, endOfStream).isError();
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    return bigger.put(out.flip());
  }
}
