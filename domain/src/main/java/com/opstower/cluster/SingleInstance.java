package com.opstower.cluster;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;

/** A server that runs alone: nothing to announce, and shared values are this instance's memory. */
public final class SingleInstance implements Instances {

  private final long id = new SecureRandom().nextLong();
  private final ConcurrentMap<String, InMemoryValues> maps = new ConcurrentHashMap<>();

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
    return maps.computeIfAbsent(name, unused -> new InMemoryValues());
  }

  @Override
  public String describe() {
    return "a single instance (no cluster configured)";
  }

  @Override
  public boolean isClustered() {
    return false;
  }
}
