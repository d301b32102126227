package com.opstower.activity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Entry ids: random version 4 UUIDs in the column's 36 characters, never repeated. */
class ActivityEntryIdTest {

  @Test
  void idsAreVersionFourUuidsAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ActivityEntry.newId();
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      assertEquals(ActivityEntry.ID_MAX, id.length());
      assertTrue(seen.add(id), "repeated: " + id);
    }
  }

  @Test
  void anEntryGetsSuchAnId() {
    ActivityEntry entry =
        new ActivityEntry(
            ActivityEntry.Kind.REQUEST,
            Instant.now(),
            "a",
            "c",
            "GET",
            "/x",
            200,
            "ok",
            1,
            2,
            false);
    assertEquals(4, UUID.fromString(entry.id()).version());
  }
}
