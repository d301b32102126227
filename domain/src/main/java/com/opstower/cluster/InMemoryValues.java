package com.opstower.cluster;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link SharedValues} in this process's memory with the semantics of a distributed map: values are
 * copied in and out, and compare-and-set compares their content, so code written against it behaves
 * the same on the cluster's map.
 */
public final class InMemoryValues implements SharedValues {

  private final ConcurrentMap<String, Value> values = new ConcurrentHashMap<>();

  /** A copy of a value, equal to another with the same numbers. */
  private record Value(long[] numbers) {
    static Value of(long[] numbers) {
      return new Value(numbers.clone());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Value value && Arrays.equals(numbers, value.numbers);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(numbers);
    }

    @Override
    public String toString() {
      return Arrays.toString(numbers);
    }
  }

  @Override
  public long[] get(String key) {
    Value value = values.get(key);
    return value == null ? null : value.numbers().clone();
  }

  @Override
  public boolean putIfAbsent(String key, long[] value) {
    return values.putIfAbsent(key, Value.of(value)) == null;
  }

  @Override
  public boolean replace(String key, long[] expected, long[] value) {
    return values.replace(key, Value.of(expected), Value.of(value));
  }

  @Override
  public boolean remove(String key, long[] expected) {
    return values.remove(key, Value.of(expected));
  }

  @Override
  public Set<String> keys() {
    return Set.copyOf(values.keySet());
  }
}
