package com.opstower.persistence;

import com.opstower.cluster.Instances;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves on after every committed change of an entity that is kept in memory
 * (connections, agents, tokens: {@link CachedEntityListener}). A {@link GenerationCache} keeps an
 * entry only for the generation it was read in, so a change makes every entry stale at once.
 *
 * <p>The generation moves on when the changing transaction has ended: a read that started before
 * the commit may have seen the old row, and must not be kept. When the change is flushed while the
 * transaction is already completing (no synchronization can be registered then), it moves on at
 * once and again 100 ms and 1 s later, for the commit that follows. Each move is announced to the
 * other instances ({@link Instances#announceChange()}), whose generations move on when the
 * announcement arrives (milliseconds; the contract allows 1 s).
 */
@ApplicationScoped
public class ChangeGeneration {

  private static final Object REGISTERED = ChangeGeneration.class;
  private static final long[] LATER_MILLIS = {100, 1_000};

  private final AtomicLong generation = new AtomicLong();

  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "opstower-change-generation");
            thread.setDaemon(true);
            return thread;
          });

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject Instances instances;

  @PostConstruct
  void listen() {
    if (instances != null) {
      instances.onChangeElsewhere(this::advance);
    }
  }

  public long current() {
    return generation.get();
  }

  /** Something kept in memory changed in the current transaction, or just now outside one. */
  public void changed() {
    if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      if (transactions.getResource(REGISTERED) != null) {
        return;
      }
      try {
        transactions.registerInterposedSynchronization(new AfterCompletion());
        transactions.putResource(REGISTERED, Boolean.TRUE);
        return;
      } catch (IllegalStateException completing) {
        // flushed by the commit itself: fall through
      }
    }
    advanceEverywhere();
    for (long millis : LATER_MILLIS) {
      later.schedule(this::advanceEverywhere, millis, TimeUnit.MILLISECONDS);
    }
  }

  void advance() {
    generation.incrementAndGet();
  }

  private void advanceEverywhere() {
    advance();
    if (instances != null) {
      instances.announceChange();
    }
  }

  @PreDestroy
  void stop() {
    later.shutdownNow();
  }

  private final class AfterCompletion implements Synchronization {
    @Override
    public void beforeCompletion() {
      // the rows are not committed yet
    }

    @Override
    public void afterCompletion(int status) {
      advanceEverywhere(); // rolled back too: harmless, the next read loads again
    }
  }
}
