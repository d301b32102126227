package com.opstower.cluster;

import java.util.function.LongConsumer;

/**
 * The instances of OpsTower that serve as one (docs/operations.md, "Several instances"): what they
 * share and how they tell each other of changes. {@link SingleInstance} when the server runs alone;
 * the application provides the Hazelcast-backed one when clustering is configured.
 */
public interface Instances {

  /** This instance's id, unique among the instances running now. */
  long localId();

  /**
   * Tells every other instance that data they may keep in memory changed (connections, agents,
   * tokens); their {@link #onChangeElsewhere} listeners run.
   */
  void announceChange();

  /** Runs {@code listener} whenever another instance announced a change. */
  void onChangeElsewhere(Runnable listener);

  /** Runs {@code listener} with the {@link #localId()} of an instance that left or died. */
  void onInstanceLeft(LongConsumer listener);

  /** The shared map of that name; the same map on every instance. */
  SharedValues values(String name);

  /** A line for the log: alone, or the cluster and its members. */
  String describe();

  /** Whether other instances may exist (a cluster), so state must be kept in {@link #values}. */
  boolean isClustered();
}
