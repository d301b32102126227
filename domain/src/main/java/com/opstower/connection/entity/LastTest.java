package com.opstower.connection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The outcome of the most recent Test Connection run, kept with the connection. */
@Embeddable
public class LastTest {

  public static final int TEXT_MAX = 500;

  @Column(name = "last_test_ok")
  private Boolean ok;

  @Column(name = "last_test_status")
  private Integer status;

  @Column(name = "last_test_duration_ms")
  private Long durationMs;

  @Column(name = "last_test_at")
  private Instant testedAt;

  @Column(name = "last_test_message", length = TEXT_MAX)
  private String message;

  @Column(name = "last_test_hint", length = TEXT_MAX)
  private String hint;

  @Column(name = "last_test_outcome", length = OUTCOME_MAX)
  private String outcome;

  @Column(name = "last_test_request", length = REQUEST_MAX)
  private String request;

  public static final int OUTCOME_MAX = 32;
  public static final int REQUEST_MAX = 2100;

  protected LastTest() {}

  public LastTest(
      boolean ok,
      Integer status,
      long durationMs,
      Instant testedAt,
      String message,
      String hint,
      String outcome,
      String request) {
    this.ok = ok;
    this.status = status;
    this.durationMs = durationMs;
    this.testedAt = testedAt;
    this.message = cut(message);
    this.hint = cut(hint);
    this.outcome = outcome == null || outcome.length() > OUTCOME_MAX ? null : outcome;
    this.request =
        request == null || request.length() <= REQUEST_MAX
            ? request
            : request.substring(0, REQUEST_MAX);
  }

  /** One word for what happened (see {@code ProbeReport.outcome}); null for tests before v1.1. */
  public String outcome() {
    return outcome;
  }

  /** The request that was sent, e.g. {@code GET https://host/v1}; null for tests before v1.1. */
  public String request() {
    return request;
  }

  private static String cut(String text) {
    return text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX);
  }

  /** EclipseLink materialises an all-null embeddable as an object; this tells the two apart. */
  public boolean isPresent() {
    return testedAt != null;
  }

  public boolean ok() {
    return Boolean.TRUE.equals(ok);
  }

  public Integer status() {
    return status;
  }

  public long durationMs() {
    return durationMs == null ? 0 : durationMs;
  }

  public Instant testedAt() {
    return testedAt;
  }

  public String message() {
    return message;
  }

  public String hint() {
    return hint;
  }
}
