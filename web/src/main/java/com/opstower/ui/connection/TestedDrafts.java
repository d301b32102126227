package com.opstower.ui.connection;

import com.opstower.connection.control.ConnectionDraft;
import com.opstower.probe.control.ProbeReport;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The last Test Connection run from a form of this session, so that a Save of exactly the values
 * that were tested makes that run the connection's last test (rather than "not tested"). The values
 * are remembered only as an HMAC under a key of this session: equal values give an equal
 * fingerprint, and nothing here reveals the secret that was typed.
 */
@SessionScoped
public class TestedDrafts implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A test older than this is no longer evidence for what is saved. */
  static final Duration VALID_FOR = Duration.ofMinutes(10);

  private final byte[] key = new byte[32];
  private byte[] fingerprint;
  private ProbeReport report;
  private Instant testedAt;

  public TestedDrafts() {
    new SecureRandom().nextBytes(key);
  }

  /**
   * @param existingId the connection edited, or null for a new one
   */
  public synchronized void tested(ConnectionDraft draft, String existingId, ProbeReport result) {
    this.fingerprint = fingerprint(draft, existingId);
    this.report = result;
    this.testedAt = Instant.now();
  }

  /** The report of a test that ran on exactly these values, not long ago; forgotten once taken. */
  public synchronized Optional<ProbeReport> takeIfSame(ConnectionDraft draft, String existingId) {
    if (fingerprint == null
        || Instant.now().isAfter(testedAt.plus(VALID_FOR))
        || !MessageDigest.isEqual(fingerprint, fingerprint(draft, existingId))) {
      return Optional.empty();
    }
    ProbeReport taken = report;
    fingerprint = null;
    report = null;
    return Optional.of(taken);
  }

  private byte[] fingerprint(ConnectionDraft draft, String existingId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (String part :
          new String[] {
            existingId,
            draft.label(),
            draft.baseUrl(),
            draft.authType(),
            draft.headerName(),
            draft.username(),
            draft.paramName(),
            draft.secret(),
            draft.docsUrl(),
            draft.description()
          }) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        mac.update((byte) (part == null ? 0 : 1));
        mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
