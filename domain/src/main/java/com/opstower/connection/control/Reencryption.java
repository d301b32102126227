package com.opstower.connection.control;

import com.opstower.connection.entity.Connection;
import com.opstower.crypto.control.CryptoKeys;
import com.opstower.crypto.entity.CredentialUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Key rotation: seals every stored secret again under the active key. Each row is committed on its
 * own, so an interrupted run loses nothing and a second run continues where the first stopped.
 */
@ApplicationScoped
public class Reencryption {

  private static final Logger LOG = Logger.getLogger(Reencryption.class.getName());

  /** {@code remaining} counts rows still under another key (e.g. their key is missing). */
  public record Result(String activeKey, int reencrypted, int remaining) {}

  @PersistenceContext EntityManager em;

  @Inject CryptoKeys keys;

  @Inject RowResealer rows;

  /**
   * Seals secrets stored before v1.1, which bind only their row, again with the row's origin and
   * auth type (docs/security.md §11). Run at every start; a row that cannot be opened (its key is
   * missing) is left as it is and counted in the log.
   */
  public void bindOlderSecrets() {
    List<String> ids =
        em.createNamedQuery(Connection.FIND_IDS_WITH_SECRET, String.class).getResultList();
    int bound = 0;
    int left = 0;
    for (String id : ids) {
      try {
        if (rows.bindOwnerOnly(id)) {
          bound++;
        }
      } catch (CredentialUnavailableException unavailable) {
        left++;
      }
    }
    if (bound > 0 || left > 0) {
      int done = bound;
      int notDone = left;
      LOG.info(
          () ->
              "Secrets bound to their origin and auth type: "
                  + done
                  + (notDone > 0
                      ? "; " + notDone + " could not be opened and were left as they are."
                      : "."));
    }
  }

  public Result run() {
    String active = keys.cipher().activeKeyId();
    List<String> ids =
        em.createNamedQuery(Connection.FIND_IDS_WITH_SECRET, String.class).getResultList();
    int done = 0;
    int remaining = 0;
    for (String id : ids) {
      try {
        if (rows.reseal(id, active)) {
          done++;
        }
      } catch (CredentialUnavailableException unavailable) {
        remaining++;
        LOG.warning(
            () -> "Connection " + id + " could not be re-encrypted: its key is not configured.");
      }
    }
    int reencrypted = done;
    LOG.info(() -> "Re-encryption: " + reencrypted + " secret(s) moved to key '" + active + "'.");
    return new Result(active, done, remaining);
  }

  /** One row in its own transaction. */
  @ApplicationScoped
  public static class RowResealer {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean bindOwnerOnly(String id) {
      Connection connection = em.find(Connection.class, id);
      return connection != null
          && connection.hasOwnerOnlySecret()
          && connection.resealUnder(keysActive());
    }

    @Inject CryptoKeys keys;

    private String keysActive() {
      return keys.cipher().activeKeyId();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean reseal(String id, String activeKey) {
      Connection connection = em.find(Connection.class, id);
      return connection != null && connection.resealUnder(activeKey);
    }
  }
}
