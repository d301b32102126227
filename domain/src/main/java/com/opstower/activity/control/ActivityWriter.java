package com.opstower.activity.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes batches of activity entries and keeps only the newest {@code opstower.activity.keep}. */
@ApplicationScoped
public class ActivityWriter {

  /**
   * Pruning after every write would double the writes. Every tenth of {@code keep} entries (at
   * least 100) bounds the table at 110% of {@code keep} while keeping the cost of finding the
   * cutoff, a walk of {@code keep} index entries, at about ten steps per entry written.
   */
  private static final int PRUNE_EVERY_AT_LEAST = 100;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = Settings.ACTIVITY_KEEP, defaultValue = Settings.ACTIVITY_KEEP_DEFAULT)
  int keep;

  private final AtomicLong written = new AtomicLong();

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(List<ActivityEntry> entries) {
    entries.forEach(em::persist);
    long after = written.addAndGet(entries.size());
    long every = Math.max(PRUNE_EVERY_AT_LEAST, keep / 10);
    if ((after - entries.size()) / every != after / every) {
      em.flush();
      prune();
    }
  }

  /** A trivial read, to tell a database that is away from an entry it refuses. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ping() {
    em.createQuery("SELECT COUNT(e) FROM ActivityEntry e WHERE e.id = ''", Long.class)
        .getSingleResult();
  }

  private void prune() {
    List<Instant> cutoff =
        em.createQuery("SELECT e.at FROM ActivityEntry e ORDER BY e.at DESC", Instant.class)
            .setFirstResult(Math.max(keep, 0))
            .setMaxResults(1)
            .getResultList();
    if (!cutoff.isEmpty()) {
      em.createQuery("DELETE FROM ActivityEntry e WHERE e.at <= :cutoff")
          .setParameter("cutoff", cutoff.get(0))
          .executeUpdate();
    }
  }
}
