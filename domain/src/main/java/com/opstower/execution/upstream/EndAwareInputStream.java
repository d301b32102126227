package com.opstower.execution.upstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the upstream body was read to its end. Only then may the connection go back to
 * the pool; a body the reader stopped in (cap reached) is aborted, since closing it would drain the
 * rest of a possibly endless stream.
 */
final class EndAwareInputStream extends FilterInputStream {

  private boolean reachedEnd;

  EndAwareInputStream(InputStream in) {
    super(in);
  }

  boolean reachedEnd() {
    return reachedEnd;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    reachedEnd |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    reachedEnd |= n < 0;
    return n;
  }

  /** Never skips: skipping would read (and wait for) bytes nobody looks at. */
  @Override
  public long skip(long n) {
    return 0;
  }

  /** Closing is the exchange's job (abort or release), not the reader's. */
  @Override
  public void close() {}
}
