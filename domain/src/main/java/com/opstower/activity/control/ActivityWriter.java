package com.opstower.activity.control;

import com.opstower.activity.entity.ActivityEntry;
import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

  private static final String INSERT =
      "INSERT INTO activity (id, occurred_at, kind, agent_id, connection_id, method, path, status,"
          + " outcome, duration_ms, body_bytes, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = Settings.ACTIVITY_KEEP, defaultValue = Settings.ACTIVITY_KEEP_DEFAULT)
  int keep;

  private final AtomicLong written = new AtomicLong();

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(List<ActivityEntry> entries) {
    insert(entries);
    long after = written.addAndGet(entries.size());
    long every = Math.max(PRUNE_EVERY_AT_LEAST, keep / 10);
    if ((after - entries.size()) / every != after / every) {
      em.flush();
      prune();
    }
  }

  /**
   * One JDBC batch on the transaction's connection, the entity's columns as JPA maps them (an
   * {@link Instant} as a TIMESTAMP, like {@link com.opstower.persistence.InstantConverter}): the
   * persistence context's bookkeeping for entities written once and never read back in this
   * transaction cost as much as the inserts themselves.
   */
  private void insert(List<ActivityEntry> entries) {
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (ActivityEntry entry : entries) {
        insert.setString(1, entry.id());
        insert.setTimestamp(2, Timestamp.from(entry.at()));
        insert.setString(3, entry.kind());
        insert.setString(4, entry.agentId());
        insert.setString(5, entry.connectionId());
        insert.setString(6, entry.method());
        insert.setString(7, entry.path());
        if (entry.status() == null) {
          insert.setNull(8, Types.INTEGER);
        } else {
          insert.setInt(8, entry.status());
        }
        insert.setString(9, entry.outcome());
        insert.setLong(10, entry.durationMs());
        insert.setInt(11, entry.bodyBytes());
        insert.setBoolean(12, entry.truncated());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException refused) {
      // not the driver's message: PostgreSQL's names the statement with the agent's values bound
      throw new PersistenceException(
          "The database refused "
              + entries.size()
              + " activity entries (SQL state "
              + refused.getSQLState()
              + ", error "
              + refused.getErrorCode()
              + ")");
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
