package com.opstower.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** How both benches start the server: its settings, its random admin token, the launch. */
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

  /** Starts the server of {@code config} with {@code settings} (it may not be ready yet). */
  static ServerProcess start(BenchConfig config, Map<String, String> settings) throws IOException {
    return ServerProcess.start(
        config.microJar(),
        config.war(),
        config.serverHeap(),
        settings,
        config.serverLog(),
        config.pidFile());
  }
}
