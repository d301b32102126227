package com.opstower.app.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.opstower.cluster.Instances;
import com.opstower.cluster.SingleInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Chooses how instances share: the Hazelcast member Payara runs when clustering is on ({@code
 * run.sh} with {@code OPSTOWER_CLUSTER_MEMBERS}, or a Payara Server with its data grid), otherwise
 * a single instance — the same as before clustering existed.
 */
@ApplicationScoped
public class InstancesProducer {

  private static final Logger LOG = Logger.getLogger(InstancesProducer.class.getName());

  /** Where Payara binds its Hazelcast member. */
  static final String HAZELCAST_JNDI = "payara/Hazelcast";

  @Produces
  @ApplicationScoped
  Instances instances() {
    Instances chosen =
        runningHazelcast().<Instances>map(HazelcastInstances::new).orElseGet(SingleInstance::new);
    LOG.info(() -> "Instances: " + chosen.describe() + ".");
    return chosen;
  }

  private static Optional<HazelcastInstance> runningHazelcast() {
    try {
      Object bound = new InitialContext().lookup(HAZELCAST_JNDI);
      if (bound instanceof HazelcastInstance hazelcast
          && hazelcast.getLifecycleService().isRunning()) {
        return Optional.of(hazelcast);
      }
    } catch (NamingException | RuntimeException | LinkageError notThere) {
      // --nohazelcast: no member is bound, the server runs alone
    }
    return Optional.empty();
  }
}
