package com.opstower.config;

/**
 * The catalogue of every configuration key (MicroProfile Config). Defaults live in {@code
 * META-INF/microprofile-config.properties} of the WAR; each key can also be given as an environment
 * variable in its upper-case form ({@code opstower.data-dir} as {@code OPSTOWER_DATA_DIR}).
 */
public final class Settings {
  public static final String DATA_DIR = "opstower.data-dir";
  public static final String CRYPTO_KEYS = "opstower.crypto.keys";
  public static final String CRYPTO_ACTIVE_KEY = "opstower.crypto.active-key";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "opstower.bootstrap.admin-password";
  public static final String BOOTSTRAP_API_TOKEN = "opstower.bootstrap.api-token";
  public static final String EXECUTOR_TIMEOUT = "opstower.executor.timeout";
  public static final String EXECUTOR_MAX_RESPONSE_BYTES = "opstower.executor.max-response-bytes";
  public static final String EXECUTOR_MAX_REQUEST_BYTES = "opstower.executor.max-request-bytes";
  public static final String DOCS_MAX_BYTES = "opstower.docs.max-bytes";
  public static final String EGRESS_ALLOW_PRIVATE = "opstower.egress.allow-private";
  public static final String EGRESS_ALLOW_LOOPBACK = "opstower.egress.allow-loopback";
  public static final String EGRESS_ALLOW_CIDRS = "opstower.egress.allow-cidrs";
  public static final String EGRESS_DENY_CIDRS = "opstower.egress.deny-cidrs";
  public static final String ACTIVITY_KEEP = "opstower.activity.keep";
  public static final String EXECUTOR_POOL_SIZE = "opstower.executor.pool-size";
  public static final String LIMITS_IN_FLIGHT = "opstower.limits.in-flight-per-token";
  public static final String LIMITS_PER_MINUTE = "opstower.limits.calls-per-minute-per-token";

  private Settings() {}

  /** The environment-variable form of a key, as MicroProfile Config maps it. */
  public static String environmentForm(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
