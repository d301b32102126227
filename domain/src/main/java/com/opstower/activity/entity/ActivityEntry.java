package com.opstower.activity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One outbound call as it was executed (or refused): an agent's request, a docs fetch or a Test
 * Connection run. Never holds header values, bodies or the credential's query parameter.
 *
 * <p>The log is evidence (docs/security.md §10): whatever an agent sends, the entry fits its
 * columns, because the constructor cuts every text to its column's size and replaces the characters
 * a database may refuse (U+0000, lone surrogates). An entry that could not be stored would
 * otherwise fail the whole batch it was written with.
 */
@Entity
@Table(name = "activity")
public class ActivityEntry {

  public static final int ID_MAX = 36;
  public static final int METHOD_MAX = 16;
  public static final int PATH_MAX = 2048;
  public static final int OUTCOME_MAX = 64;
  public static final int KIND_MAX = 16;

  /** What made the outbound call. */
  public enum Kind {
    /** An agent's request through {@code …/requests} (and, later, MCP {@code tools/call}). */
    REQUEST("request"),
    /** An agent's fetch of a connection's API documentation. */
    DOCS("docs"),
    /** Test Connection, of a saved connection or of a draft. */
    TEST("test");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(nullable = false, length = KIND_MAX)
  private String kind;

  @Column(name = "agent_id", length = ID_MAX)
  private String agentId;

  @Column(name = "connection_id", length = ID_MAX)
  private String connectionId;

  @Column(length = METHOD_MAX)
  private String method;

  @Column(length = PATH_MAX)
  private String path;

  private Integer status;

  @Column(nullable = false, length = OUTCOME_MAX)
  private String outcome;

  @Column(name = "duration_ms")
  private long durationMs;

  @Column(name = "body_bytes")
  private int bodyBytes;

  private boolean truncated;

  protected ActivityEntry() {}

  public ActivityEntry(
      Kind kind,
      Instant at,
      String agentId,
      String connectionId,
      String method,
      String path,
      Integer status,
      String outcome,
      long durationMs,
      int bodyBytes,
      boolean truncated) {
    this.id = newId();
    this.kind = Objects.requireNonNull(kind, "kind").code();
    this.at = Objects.requireNonNull(at, "at");
    this.agentId = fit(agentId, ID_MAX);
    this.connectionId = fit(connectionId, ID_MAX);
    this.method = fit(method, METHOD_MAX);
    this.path = fit(path, PATH_MAX);
    this.status = status;
    this.outcome = outcome == null ? "internal-error" : fit(outcome, OUTCOME_MAX);
    this.durationMs = durationMs;
    this.bodyBytes = bodyBytes;
    this.truncated = truncated;
  }

  /**
   * A random (version 4) UUID from the thread's generator: an entry's id needs uniqueness, not
   * unpredictability, and {@link UUID#randomUUID()} takes one lock for every caller — an entry is
   * made for every agent call, on the threads that answer them.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /**
   * {@code text} as it can be stored: at most {@code max} chars, not ending in half a surrogate
   * pair, with U+0000 (which PostgreSQL refuses) and lone surrogates (which no UTF-8 column can
   * hold) replaced by U+FFFD.
   */
  static String fit(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out.length() + 2 > max) {
          break;
        }
        out.append(c).append(text.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public Instant at() {
    return at;
  }

  public String agentId() {
    return agentId;
  }

  public String connectionId() {
    return connectionId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Integer status() {
    return status;
  }

  public String outcome() {
    return outcome;
  }

  public long durationMs() {
    return durationMs;
  }

  public int bodyBytes() {
    return bodyBytes;
  }

  public boolean truncated() {
    return truncated;
  }
}
