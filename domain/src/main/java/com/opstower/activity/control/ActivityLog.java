package com.opstower.activity.control;

import com.opstower.activity.entity.ActivityEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records agent calls. Entries are written in batches a few times a second rather than one
 * synchronous commit per call: with {@code hsqldb.write_delay=false} every commit is a disk sync,
 * which would otherwise sit on the path of every agent request. Readers flush first, so what was
 * recorded is always what is read.
 */
@ApplicationScoped
public class ActivityLog {

  private static final Logger LOG = Logger.getLogger(ActivityLog.class.getName());
  private static final int QUEUE_MAX = 10_000;
  private static final long FLUSH_EVERY_MS = 200;

  @PersistenceContext EntityManager em;

  @Inject ActivityWriter writer;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final BlockingQueue<ActivityEntry> pending = new LinkedBlockingQueue<>(QUEUE_MAX);
  private ScheduledFuture<?> flusher;

  @PostConstruct
  void startFlushing() {
    if (scheduler != null) {
      flusher =
          scheduler.scheduleWithFixedDelay(
              this::flushQuietly, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stopFlushing() {
    if (flusher != null) {
      flusher.cancel(false);
    }
    flushQuietly();
  }

  /** Queues an entry; never fails the call it records (a write failure is logged). */
  public void record(ActivityEntry entry) {
    if (scheduler == null || !pending.offer(entry)) {
      // No background writer, or it fell far behind: write on the caller's thread.
      try {
        flush();
        write(List.of(entry));
      } catch (RuntimeException failure) {
        LOG.log(Level.WARNING, "Could not write the activity log; will retry.", failure);
      }
    }
  }

  /** Writes everything recorded so far. */
  public synchronized void flush() {
    List<ActivityEntry> batch = new ArrayList<>();
    pending.drainTo(batch);
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  /**
   * One transaction for the batch; if it fails, one per entry, so that an entry that cannot be
   * stored costs only itself (docs/security.md §10). If the database itself is away, every entry
   * fails and the batch goes back to the queue to be retried.
   */
  private void write(List<ActivityEntry> batch) {
    try {
      writer.write(batch);
      return;
    } catch (RuntimeException batchFailed) {
      if (batch.size() == 1 && !databaseAnswers()) {
        requeue(batch, batchFailed);
        return;
      }
    }
    List<ActivityEntry> failed = new ArrayList<>();
    RuntimeException lastFailure = null;
    for (ActivityEntry entry : batch) {
      try {
        writer.write(List.of(entry));
      } catch (RuntimeException entryFailed) {
        failed.add(entry);
        lastFailure = entryFailed;
      }
    }
    if (failed.isEmpty()) {
      return;
    }
    if (failed.size() == batch.size() && !databaseAnswers()) {
      requeue(failed, lastFailure);
      return;
    }
    for (ActivityEntry entry : failed) {
      // the id and kind say which entry it was; its texts are the agent's and stay out of the log
      LOG.log(
          Level.SEVERE,
          "Dropped activity entry {0} ({1}) that the database refused: {2}",
          new Object[] {entry.id(), entry.kind(), rootMessage(lastFailure)});
    }
  }

  private boolean databaseAnswers() {
    try {
      writer.ping();
      return true;
    } catch (RuntimeException away) {
      return false;
    }
  }

  /** Puts entries back for the next flush, as far as the queue has room; the rest are counted. */
  private void requeue(List<ActivityEntry> entries, RuntimeException cause) {
    int lost = 0;
    for (ActivityEntry entry : entries) {
      if (!pending.offer(entry)) {
        lost++;
      }
    }
    if (lost > 0) {
      LOG.log(
          Level.SEVERE,
          "The database is unavailable and the activity queue is full: {0} entries lost.",
          lost);
    }
    throw new IllegalStateException("The activity log could not be written: the database is away.");
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == null ? "unknown" : root.getClass().getSimpleName();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "Could not write the activity log; will retry.", failure);
    }
  }

  public List<ActivityEntry> latest(String agentId, String connectionId, int limit) {
    flush();
    return query(agentId, connectionId, limit);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<ActivityEntry> query(String agentId, String connectionId, int limit) {
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
