package com.opstower.execution.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An access token as the instances of a cluster share it: the connection version it was issued for,
 * when it is to be renewed (epoch milliseconds), and the token sealed with the credential key
 * (never the token itself). Shared values are {@code long[]} so every member can read them without
 * the application's classes: {@code [version, renewAt, length, sealed bytes packed eight to a
 * long…]}.
 */
public record SharedToken(long version, long renewAtMillis, String sealed) {

  /** A sealed token longer than this is not shared (real tokens are a few KB at most). */
  static final int MAX_SEALED_BYTES = 32 * 1024;

  private static final int HEADER = 3;

  /** The shared value; empty when the sealed token is too long to share. */
  public Optional<long[]> toValues() {
    byte[] bytes = sealed.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > MAX_SEALED_BYTES) {
      return Optional.empty();
    }
    int words = (bytes.length + Long.BYTES - 1) / Long.BYTES;
    ByteBuffer packed = ByteBuffer.allocate(words * Long.BYTES).put(bytes); // zero-padded
    long[] values = new long[HEADER + words];
    values[0] = version;
    values[1] = renewAtMillis;
    values[2] = bytes.length;
    for (int i = 0; i < words; i++) {
      values[HEADER + i] = packed.getLong(i * Long.BYTES);
    }
    return Optional.of(values);
  }

  /** The token a shared value holds; empty when it is not one (another format, damaged). */
  public static Optional<SharedToken> of(long[] values) {
    if (values == null || values.length < HEADER) {
      return Optional.empty();
    }
    long length = values[2];
    if (length <= 0
        || length > MAX_SEALED_BYTES
        || values.length != HEADER + (length + Long.BYTES - 1) / Long.BYTES) {
      return Optional.empty();
    }
    ByteBuffer packed = ByteBuffer.allocate((values.length - HEADER) * Long.BYTES);
    for (int i = HEADER; i < values.length; i++) {
      packed.putLong(values[i]);
    }
    byte[] bytes = new byte[(int) length];
    packed.flip().get(bytes);
    for (byte b : bytes) {
      if (b < 0x21 || b > 0x7e) {
        return Optional.empty(); // a sealed value is printable ASCII
      }
    }
    return Optional.of(
        new SharedToken(values[0], values[1], new String(bytes, StandardCharsets.US_ASCII)));
  }

  @Override
  public String toString() {
    return "SharedToken[version=" + version + ", renewAtMillis=" + renewAtMillis + "]";
  }
}
