package com.opstower.persistence;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from the database, kept for as long as the {@link ChangeGeneration} has not moved on.
 * Absent values are not kept: an unknown key is looked up every time. At most {@code maxEntries}
 * are kept; beyond, the cache starts again empty (they are cheap to read again).
 *
 * <p>The kept values are shared between threads: they must not be modified.
 */
public final class GenerationCache<K, V> {

  private record Entry<V>(long generation, V value) {}

  private final ChangeGeneration generation;
  private final int maxEntries;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public GenerationCache(ChangeGeneration generation, int maxEntries) {
    this.generation = generation;
    this.maxEntries = maxEntries;
  }

  /**
   * The kept value of {@code key}, or what {@code load} reads, kept if nothing changed meanwhile.
   */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    long now = generation.current();
    Entry<V> kept = entries.get(key);
    if (kept != null && kept.generation() == now) {
      return Optional.of(kept.value());
    }
    Optional<V> loaded = load.apply(key);
    if (loaded.isEmpty()) {
      entries.remove(key);
      return loaded;
    }
    // read in generation `now`: kept only if no change was committed while it was read
    if (generation.current() == now) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(key, new Entry<>(now, loaded.get()));
    }
    return loaded;
  }

  int size() {
    return entries.size();
  }
}
