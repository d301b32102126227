package com.opstower.bench;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings both benches start the server with, and its random admin token. */
final class BenchServer {

  private BenchServer() {}

  /** A fresh admin token (a secret: never printed). */
  static String newAdminToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * Loopback egress allowed, the bootstrap token, and the per-token limits raised: they protect
   * production from floods; the bench is the flood, so they must not bind.
   */
  static Map<String, String> settings(BenchConfig config, String adminToken, String poolSize) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("opstower.data-dir", config.dataDir().toString());
    settings.put("opstower.egress.allow-loopback", "true");
    settings.put("opstower.bootstrap.api-token", adminToken);
    settings.put("opstower.limits.calls-per-minute-per-token", "100000000");
    settings.put("opstower.limits.in-flight-per-token", "100000");
    settings.put("opstower.executor.pool-size", poolSize);
    return settings;
  }
}
