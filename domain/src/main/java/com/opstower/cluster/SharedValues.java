package com.opstower.cluster;

import java.util.Set;

/**
 * A map of small numeric records that every instance sees, changed only by compare-and-set: the
 * caller reads a value, computes the next one, and stores it only if nobody changed it meanwhile.
 * Values are {@code long[]} so that any instance can read them without the application's classes. A
 * value handed out must not be modified; it is the expected value of the next change.
 */
public interface SharedValues {

  /** The value, or {@code null}. */
  long[] get(String key);

  /** Stores {@code value} unless the key has one; whether it was stored. */
  boolean putIfAbsent(String key, long[] value);

  /** Replaces {@code expected} (as returned by {@link #get}) by {@code value}; whether it did. */
  boolean replace(String key, long[] expected, long[] value);

  /** Removes the key if its value is still {@code expected}; whether it did. */
  boolean remove(String key, long[] expected);

  /** The keys present now (for sweeps; may be slightly out of date in a cluster). */
  Set<String> keys();
}
