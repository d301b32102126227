package com.opstower.execution.boundary;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what it is given as UTF-8 into one growing byte array, so a document built
 * as text reaches the response without a {@code String} and its {@code getBytes} copy in between.
 * An unpaired surrogate becomes {@code ?}, as {@code String.getBytes(UTF_8)} writes it.
 */
final class Utf8Buffer extends Writer {

  private byte[] bytes;
  private int length;

  /** A high surrogate waiting for its low half; 0 when none. */
  private char high;

  Utf8Buffer(int expectedBytes) {
    this.bytes = new byte[Math.max(16, expectedBytes)];
  }

  /** The array holding the bytes; only {@code [0, length())} is the text. */
  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      put(text.charAt(i));
    }
  }

  private void put(char c) {
    if (high != 0) {
      char waiting = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        codePoint(Character.toCodePoint(waiting, c));
        return;
      }
      ascii('?');
    }
    if (c < 0x80) {
      ascii(c);
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      ascii('?');
    } else {
      codePoint(c);
    }
  }

  private void ascii(char c) {
    room(1);
    bytes[length++] = (byte) c;
  }

  private void codePoint(int c) {
    room(4);
    if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | c >> 6);
    } else if (c < 0x10000) {
      bytes[length++] = (byte) (0xE0 | c >> 12);
      bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
    } else {
      bytes[length++] = (byte) (0xF0 | c >> 18);
      bytes[length++] = (byte) (0x80 | (c >> 12 & 0x3F));
      bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
    }
    bytes[length++] = (byte) (0x80 | (c & 0x3F));
  }

  /** Room for {@code more} bytes at least. */
  private void room(int more) {
    if (bytes.length - length < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  @Override
  public void flush() {
    // nothing is held back but half a surrogate pair, which waits for its other half
  }

  /** A high surrogate still waiting has no low half any more. */
  @Override
  public void close() {
    if (high != 0) {
      high = 0;
      ascii('?');
    }
  }
}
