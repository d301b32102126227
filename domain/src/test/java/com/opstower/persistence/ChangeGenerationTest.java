package com.opstower.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeGenerationTest {

  /** A registry of one active transaction, as the JTA implementation would keep it. */
  private static final class OneTransaction implements TransactionSynchronizationRegistry {
    final List<Synchronization> synchronizations = new ArrayList<>();
    final Map<Object, Object> resources = new HashMap<>();
    int status = Status.STATUS_ACTIVE;
    boolean completing;

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      if (completing) {
        throw new IllegalStateException("the transaction is completing");
      }
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }

    void commit() {
      synchronizations.forEach(Synchronization::beforeCompletion);
      status = Status.STATUS_COMMITTED;
      synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    }
  }

  @Test
  void outsideATransactionItMovesOnAtOnce() {
    ChangeGeneration generation = new ChangeGeneration();
    generation.changed();
    assertEquals(1, generation.current());
  }

  @Test
  void inATransactionItMovesOnOnceWhenTheTransactionHasEnded() {
    ChangeGeneration generation = new ChangeGeneration();
    OneTransaction transaction = new OneTransaction();
    generation.transactions = transaction;
    generation.changed();
    generation.changed();
    assertEquals(0, generation.current(), "not before the commit: a read now sees the old rows");
    transaction.commit();
    assertEquals(1, generation.current());
  }

  @Test
  void aChangeFlushedByTheCommitMovesOnAtOnceAndAgainLater() throws Exception {
    ChangeGeneration generation = new ChangeGeneration();
    OneTransaction transaction = new OneTransaction();
    transaction.completing = true;
    generation.transactions = transaction;
    generation.changed();
    assertEquals(1, generation.current());
    Thread.sleep(1_300);
    assertEquals(3, generation.current(), "100 ms and 1 s later, after the commit");
    generation.stop();
  }
}
