package com.opstower.app.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.opstower.cluster.Instances;
import com.opstower.cluster.SharedValues;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Several instances as one, on the Hazelcast member Payara runs (no protocol of our own): changes
 * are announced on a topic, shared values are an {@link IMap} of {@code long[]} (a type every
 * member can read without the application's classes; Payara's Hazelcast uses the server's class
 * loader), and a member that leaves is reported to {@link #onInstanceLeft} listeners.
 *
 * <p>When members join or leave, every instance also drops what it keeps in memory: an announcement
 * may have been missed while the cluster was split.
 */
final class HazelcastInstances implements Instances {

  private static final Logger LOG = Logger.getLogger(HazelcastInstances.class.getName());
  static final String CHANGES_TOPIC = "opstower-changes";

  private final HazelcastInstance hazelcast;
  private final ITopic<String> changes;
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private final List<LongConsumer> leaveListeners = new CopyOnWriteArrayList<>();

  HazelcastInstances(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
    this.changes = outsideTheApplication(() -> hazelcast.<String>getTopic(CHANGES_TOPIC));
    changes.addMessageListener(
        message -> {
          if (!message.getPublishingMember().localMember()) {
            changeListeners.forEach(Runnable::run);
          }
        });
    hazelcast
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent event) {
                LOG.info(
                    () -> "Instance joined: " + event.getMember().getAddress() + "; " + describe());
                changeListeners.forEach(Runnable::run);
              }

              @Override
              public void memberRemoved(MembershipEvent event) {
                LOG.warning(
                    () -> "Instance left: " + event.getMember().getAddress() + "; " + describe());
                long gone = id(event.getMember().getUuid());
                leaveListeners.forEach(listener -> listener.accept(gone));
                changeListeners.forEach(Runnable::run);
              }
            });
  }

  /**
   * Runs {@code create} on a thread that carries none of the application's context. Payara ties a
   * distributed object created inside an application call to that application ("tenant control"),
   * and then runs every operation on it, on every member, inside a copy of that call: on the member
   * that owns the data this closed the calling request's EntityManager from Hazelcast's thread
   * (1,345 SEVERE "closed EntityManager" errors in one two-instance run). A thread that does not
   * inherit thread-locals has no call, so the objects stay plain.
   */
  private static <T> T outsideTheApplication(Supplier<T> create) {
    AtomicReference<T> created = new AtomicReference<>();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    Thread plain =
        new Thread(
            null,
            () -> {
              try {
                created.set(create.get());
              } catch (RuntimeException failure) {
                failed.set(failure);
              }
            },
            "opstower-cluster-setup",
            0,
            false);
    plain.start();
    try {
      plain.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining the cluster's shared objects", e);
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    return created.get();
  }

  static long id(UUID uuid) {
    return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
  }

  @Override
  public long localId() {
    return id(hazelcast.getCluster().getLocalMember().getUuid());
  }

  @Override
  public void announceChange() {
    changes.publish(Long.toString(localId()));
  }

  @Override
  public void onChangeElsewhere(Runnable listener) {
    changeListeners.add(listener);
  }

  @Override
  public void onInstanceLeft(LongConsumer listener) {
    leaveListeners.add(listener);
  }

  @Override
  public SharedValues values(String name) {
    return new MapValues(outsideTheApplication(() -> hazelcast.<String, long[]>getMap(name)));
  }

  @Override
  public String describe() {
    Set<Member> members = hazelcast.getCluster().getMembers();
    return "cluster '"
        + hazelcast.getConfig().getClusterName()
        + "' of "
        + members.size()
        + (members.size() == 1 ? " instance" : " instances")
        + " ("
        + members.stream()
            .map(member -> member.getAddress().toString())
            .collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public boolean isClustered() {
    return true;
  }

  /** An {@link IMap}: values are serialized, so compare-and-set compares their content. */
  private record MapValues(IMap<String, long[]> map) implements SharedValues {

    @Override
    public long[] get(String key) {
      return map.get(key);
    }

    @Override
    public boolean putIfAbsent(String key, long[] value) {
      return map.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean replace(String key, long[] expected, long[] value) {
      return map.replace(key, expected, value);
    }

    @Override
    public boolean remove(String key, long[] expected) {
      return map.remove(key, expected);
    }

    @Override
    public Set<String> keys() {
      return Set.copyOf(map.keySet());
    }
  }
}
