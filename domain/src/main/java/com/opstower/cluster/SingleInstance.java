package com.opstower.cluster;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;

/** A server that runs alone: nothing to announce, and shared values are this instance's memory. */
public final class SingleInstance implements Instances {

  private final long id = new SecureRandom().nextLong();
  private final ConcurrentMap<String, LocalValues> maps = new ConcurrentHashMap<>();

  @Override
  public long localId() {
    return id;
  }

  @Override
  public void announceChange() {
    // nobody else to tell
  }

  @Override
  public void onChangeElsewhere(Runnable listener) {
    // there is no elsewhere
  }

  @Override
  public void onInstanceLeft(LongConsumer listener) {
    // no other instance can leave
  }

  @Override
  public SharedValues values(String name) {
    return maps.computeIfAbsent(name, unused -> new LocalValues());
  }

  @Override
  public String describe() {
    return "a single instance (no cluster configured)";
  }

  @Override
  public boolean isClustered() {
    return false;
  }

  /** Compare-and-set on the identity of the value handed out, as {@link SharedValues} asks. */
  static final class LocalValues implements SharedValues {

    private final ConcurrentMap<String, long[]> values = new ConcurrentHashMap<>();

    @Override
    public long[] get(String key) {
      return values.get(key);
    }

    @Override
    public boolean putIfAbsent(String key, long[] value) {
      return values.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean replace(String key, long[] expected, long[] value) {
      return values.replace(key, expected, value);
    }

    @Override
    public boolean remove(String key, long[] expected) {
      return values.remove(key, expected);
    }

    @Override
    public Set<String> keys() {
      return Set.copyOf(values.keySet());
    }
  }
}
