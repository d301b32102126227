package com.opstower.activity.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records agent calls and keeps only the newest {@code opstower.activity.keep} of them. */
@ApplicationScoped
public class ActivityLog {

  /** Pruning after every write would double the writes; every 100th is plenty. */
  private static final int PRUNE_EVERY = 100;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = Settings.ACTIVITY_KEEP, defaultValue = "10000")
  int keep;

  private final AtomicInteger writes = new AtomicInteger();

  /** Its own transaction: a refused call is recorded even though the call itself failed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(ActivityEntry entry) {
    em.persist(entry);
    if (writes.incrementAndGet() % PRUNE_EVERY == 0) {
      prune();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int prune() {
    List<java.time.Instant> cutoff =
        em.createQuery(
                "SELECT e.at FROM ActivityEntry e ORDER BY e.at DESC", java.time.Instant.class)
            .setFirstResult(Math.max(keep, 0))
            .setMaxResults(1)
            .getResultList();
    if (cutoff.isEmpty()) {
      return 0;
    }
    return em.createQuery("DELETE FROM ActivityEntry e WHERE e.at <= :cutoff")
        .setParameter("cutoff", cutoff.get(0))
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ActivityEntry> latest(String agentId, String connectionId, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM ActivityEntry e WHERE 1 = 1");
    if (agentId != null) {
      jpql.append(" AND e.agentId = :agentId");
    }
    if (connectionId != null) {
      jpql.append(" AND e.connectionId = :connectionId");
    }
    jpql.append(" ORDER BY e.at DESC, e.id DESC");
    TypedQuery<ActivityEntry> query = em.createQuery(jpql.toString(), ActivityEntry.class);
    if (agentId != null) {
      query.setParameter("agentId", agentId);
    }
    if (connectionId != null) {
      query.setParameter("connectionId", connectionId);
    }
    return query.setMaxResults(limit).getResultList();
  }
}
