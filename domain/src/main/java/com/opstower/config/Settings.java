package com.opstower.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of every configuration key (MicroProfile Config) and its default: the one place
 * either is written. Code reads a key with {@code @ConfigProperty(name = Settings.X, defaultValue =
 * Settings.X_DEFAULT)}; the README's configuration table is checked against {@link #CATALOGUE} by a
 * test. Each key can also be given as an environment variable in its upper-case form ({@code
 * opstower.data-dir} as {@code OPSTOWER_DATA_DIR}).
 */
public final class Settings {

  /** One configuration key and its default (empty when the key has none). */
  public record Setting(String key, Optional<String> defaultValue) {

    /** The environment-variable form, as MicroProfile Config maps it. */
    public String environmentForm() {
      return Settings.environmentForm(key);
    }
  }

  public static final String DATA_DIR = "opstower.data-dir";
  public static final String DATA_DIR_DEFAULT = "./data";
  public static final String DB_URL = "opstower.db.url";
  public static final String DB_USER = "opstower.db.user";
  public static final String DB_PASSWORD = "opstower.db.password";
  public static final String CRYPTO_KEYS = "opstower.crypto.keys";
  public static final String CRYPTO_ACTIVE_KEY = "opstower.crypto.active-key";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "opstower.bootstrap.admin-password";
  public static final String BOOTSTRAP_API_TOKEN = "opstower.bootstrap.api-token";
  public static final String EXECUTOR_TIMEOUT = "opstower.executor.timeout";
  public static final String EXECUTOR_TIMEOUT_DEFAULT = "PT15S";
  public static final String EXECUTOR_MAX_RESPONSE_BYTES = "opstower.executor.max-response-bytes";
  public static final String EXECUTOR_MAX_RESPONSE_BYTES_DEFAULT = "8192";
  public static final String EXECUTOR_MAX_REQUEST_BYTES = "opstower.executor.max-request-bytes";
  public static final String EXECUTOR_MAX_REQUEST_BYTES_DEFAULT = "1048576";
  public static final String DOCS_MAX_BYTES = "opstower.docs.max-bytes";
  public static final String DOCS_MAX_BYTES_DEFAULT = "65536";
  public static final String DOCS_SPEC_MAX_BYTES = "opstower.docs.spec-max-bytes";
  public static final String DOCS_SPEC_MAX_BYTES_DEFAULT = "8388608";
  public static final String DOCS_CATALOGUE_CHARS = "opstower.docs.catalogue-chars";
  public static final String DOCS_CATALOGUE_CHARS_DEFAULT = "4000";
  public static final String EGRESS_ALLOW_PRIVATE = "opstower.egress.allow-private";
  public static final String EGRESS_ALLOW_PRIVATE_DEFAULT = "true";
  public static final String EGRESS_ALLOW_LOOPBACK = "opstower.egress.allow-loopback";
  public static final String EGRESS_ALLOW_LOOPBACK_DEFAULT = "false";
  public static final String EGRESS_ALLOW_CIDRS = "opstower.egress.allow-cidrs";
  public static final String EGRESS_DENY_CIDRS = "opstower.egress.deny-cidrs";
  public static final String ACTIVITY_KEEP = "opstower.activity.keep";
  public static final String ACTIVITY_KEEP_DEFAULT = "10000";
  public static final String EXECUTOR_POOL_SIZE = "opstower.executor.pool-size";
  public static final String EXECUTOR_POOL_SIZE_DEFAULT = "2000";
  public static final String LIMITS_IN_FLIGHT = "opstower.limits.in-flight-per-token";
  public static final String LIMITS_IN_FLIGHT_DEFAULT = "64";
  public static final String LIMITS_PER_MINUTE = "opstower.limits.calls-per-minute-per-token";
  public static final String LIMITS_PER_MINUTE_DEFAULT = "600";
  public static final String EXECUTOR_NON_BLOCKING = "opstower.executor.non-blocking";
  public static final String EXECUTOR_NON_BLOCKING_DEFAULT = "true";
  public static final String MCP_ALLOWED_ORIGINS = "opstower.mcp.allowed-origins";

  /** Every key, in the order of the README's configuration table. */
  public static final List<Setting> CATALOGUE =
      List.of(
          with(DATA_DIR, DATA_DIR_DEFAULT),
          without(DB_URL),
          without(DB_USER),
          without(DB_PASSWORD),
          without(CRYPTO_KEYS),
          without(CRYPTO_ACTIVE_KEY),
          without(BOOTSTRAP_ADMIN_PASSWORD),
          without(BOOTSTRAP_API_TOKEN),
          with(EXECUTOR_TIMEOUT, EXECUTOR_TIMEOUT_DEFAULT),
          with(EXECUTOR_MAX_RESPONSE_BYTES, EXECUTOR_MAX_RESPONSE_BYTES_DEFAULT),
          with(EXECUTOR_MAX_REQUEST_BYTES, EXECUTOR_MAX_REQUEST_BYTES_DEFAULT),
          with(DOCS_MAX_BYTES, DOCS_MAX_BYTES_DEFAULT),
          with(DOCS_SPEC_MAX_BYTES, DOCS_SPEC_MAX_BYTES_DEFAULT),
          with(DOCS_CATALOGUE_CHARS, DOCS_CATALOGUE_CHARS_DEFAULT),
          with(EGRESS_ALLOW_PRIVATE, EGRESS_ALLOW_PRIVATE_DEFAULT),
          with(EGRESS_ALLOW_LOOPBACK, EGRESS_ALLOW_LOOPBACK_DEFAULT),
          without(EGRESS_ALLOW_CIDRS),
          without(EGRESS_DENY_CIDRS),
          with(ACTIVITY_KEEP, ACTIVITY_KEEP_DEFAULT),
          with(EXECUTOR_POOL_SIZE, EXECUTOR_POOL_SIZE_DEFAULT),
          with(LIMITS_IN_FLIGHT, LIMITS_IN_FLIGHT_DEFAULT),
          with(LIMITS_PER_MINUTE, LIMITS_PER_MINUTE_DEFAULT),
          with(EXECUTOR_NON_BLOCKING, EXECUTOR_NON_BLOCKING_DEFAULT),
          without(MCP_ALLOWED_ORIGINS));

  private Settings() {}

  /** The environment-variable form of a key, as MicroProfile Config maps it. */
  public static String environmentForm(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** The catalogue entry of {@code key}. */
  public static Optional<Setting> find(String key) {
    return CATALOGUE.stream().filter(setting -> setting.key().equals(key)).findFirst();
  }

  private static Setting with(String key, String defaultValue) {
    return new Setting(key, Optional.of(defaultValue));
  }

  private static Setting without(String key) {
    return new Setting(key, Optional.empty());
  }
}
