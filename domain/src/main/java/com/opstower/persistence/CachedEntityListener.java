package com.opstower.persistence;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On the entities kept in memory ({@code @EntityListeners}): every insert, update and delete moves
 * the {@link ChangeGeneration} on. Bulk JPQL statements bypass it; the only one on these entities
 * writes a token's last-use time, which no cache depends on.
 */
public class CachedEntityListener {

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Object entity) {
    CDI.current().select(ChangeGeneration.class).get().changed();
  }
}
