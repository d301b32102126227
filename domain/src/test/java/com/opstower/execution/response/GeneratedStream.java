package com.opstower.execution.response;

import java.io.InputStream;

/**
 * A body produced on the fly — a prefix, then a pattern repeated up to a length or forever — that
 * counts how many bytes the reader took. Lets the tests feed 20 MB or an endless body without
 * holding it in memory.
 */
final class GeneratedStream extends InputStream {

  static final long ENDLESS = -1;

  private final byte[] prefix;
  private final byte[] pattern;
  private final long length;
  private long position;
  private boolean closed;

  GeneratedStream(byte[] prefix, byte[] pattern, long length) {
    this.prefix = prefix;
    this.pattern = pattern;
    this.length = length;
  }

  static GeneratedStream endless(byte[] pattern) {
    return new GeneratedStream(new byte[0], pattern, ENDLESS);
  }

  long consumed() {
    return position;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public int read() {
    if (length != ENDLESS && position >= length) {
      return -1;
    }
    return byteAt(position++) & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    long available = length == ENDLESS ? len : Math.min(len, length - position);
    if (available <= 0) {
      return -1;
    }
    for (int i = 0; i < available; i++) {
      b[off + i] = byteAt(position++);
    }
    return (int) available;
  }

  @Override
  public void close() {
    closed = true;
  }

  private byte byteAt(long index) {
    if (index < prefix.length) {
      return prefix[(int) index];
    }
    return pattern[(int) ((index - prefix.length) % pattern.length)];
  }
}
