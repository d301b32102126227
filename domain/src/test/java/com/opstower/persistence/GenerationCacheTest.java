package com.opstower.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenerationCacheTest {

  private final ChangeGeneration generation = new ChangeGeneration();
  private final AtomicInteger reads = new AtomicInteger();

  private Optional<String> read(String key) {
    reads.incrementAndGet();
    return Optional.of(key + "@" + reads.get());
  }

  @Test
  void aValueIsReadOnceUntilSomethingChanges() {
    GenerationCache<String, String> cache = new GenerationCache<>(generation, 10);
    assertEquals("a@1", cache.get("a", this::read).orElseThrow());
    assertEquals("a@1", cache.get("a", this::read).orElseThrow());
    generation.advance();
    assertEquals("a@2", cache.get("a", this::read).orElseThrow(), "read again after a change");
    assertEquals(2, reads.get());
  }

  @Test
  void aValueReadWhileAChangeWasCommittedIsNotKept() {
    GenerationCache<String, String> cache = new GenerationCache<>(generation, 10);
    // the read saw the row before the commit; the generation moved on while it ran
    cache.get(
        "a",
        key -> {
          generation.advance();
          return read(key);
        });
    assertEquals("a@2", cache.get("a", this::read).orElseThrow(), "the old read was not kept");
    assertEquals("a@2", cache.get("a", this::read).orElseThrow());
  }

  @Test
  void absentValuesAreNotKeptAndForgetWhatWasKept() {
    GenerationCache<String, String> cache = new GenerationCache<>(generation, 10);
    cache.get("a", this::read);
    generation.advance();
    assertTrue(cache.get("a", key -> Optional.empty()).isEmpty());
    assertEquals(0, cache.size());
    assertTrue(cache.get("a", key -> Optional.empty()).isEmpty(), "looked up again");
  }

  @Test
  void aFullCacheStartsAgainEmpty() {
    GenerationCache<String, String> cache = new GenerationCache<>(generation, 3);
    for (String key : new String[] {"a", "b", "c", "d"}) {
      cache.get(key, this::read);
    }
    assertEquals(1, cache.size());
    assertEquals("d@4", cache.get("d", this::read).orElseThrow());
  }
}
