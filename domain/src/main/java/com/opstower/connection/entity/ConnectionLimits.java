package com.opstower.connection.entity;

/**
 * The length limits of a connection's fields, shared by the validator, the entity's {@code @Column}
 * lengths and the form's {@code maxlength}. Lengths count Java {@code char}s (UTF-16 units), which
 * is what {@code String.length()}, {@code @Size} and HSQLDB's {@code VARCHAR(n)} all count.
 */
public final class ConnectionLimits {

  public static final int LABEL_MAX = 100;
  public static final int BASE_URL_MAX = 2048;
  public static final int DOCS_URL_MAX = 2048;

  /** An OAuth scope or audience. */
  public static final int OAUTH_TEXT_MAX = 1000;

  public static final int DESCRIPTION_MAX = 4000;

  /** Plaintext length of a token, API key, password or parameter value (before encryption). */
  public static final int SECRET_MAX = 4096;

  /** An API-key header name or a query parameter name. */
  public static final int NAME_MAX = 64;

  public static final int USERNAME_MAX = 256;

  private ConnectionLimits() {}
}
