package com.opstower.token.control;

import com.opstower.token.entity.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes a token's last-use time, apart from the read-only authentication that decided it. */
@ApplicationScoped
public class TokenUse {

  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String tokenId, Instant at) {
    em.createNamedQuery(ApiToken.MARK_USED)
        .setParameter("id", tokenId)
        .setParameter("at", at)
        .executeUpdate();
  }
}
