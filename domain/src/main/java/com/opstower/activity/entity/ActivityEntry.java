package com.opstower.activity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One agent request as it was executed (or refused). Never holds header values, bodies or the
 * credential's query parameter.
 */
@Entity
@Table(name = "activity")
public class ActivityEntry {

  public static final int PATH_MAX = 2048;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(name = "agent_id", length = 36)
  private String agentId;

  @Column(name = "connection_id", length = 36)
  private String connectionId;

  @Column(length = 16)
  private String method;

  @Column(length = PATH_MAX)
  private String path;

  private Integer status;

  @Column(nullable = false, length = 64)
  private String outcome;

  @Column(name = "duration_ms")
  private long durationMs;

  @Column(name = "body_bytes")
  private int bodyBytes;

  private boolean truncated;

  protected ActivityEntry() {}

  public ActivityEntry(
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
    this.id = UUID.randomUUID().toString();
    this.at = at;
    this.agentId = agentId;
    this.connectionId = connectionId;
    this.method = method;
    this.path = path == null || path.length() <= PATH_MAX ? path : path.substring(0, PATH_MAX);
    this.status = status;
    this.outcome = outcome;
    this.durationMs = durationMs;
    this.bodyBytes = bodyBytes;
    this.truncated = truncated;
  }

  public String id() {
    return id;
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
