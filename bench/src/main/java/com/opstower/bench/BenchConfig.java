package com.opstower.bench;

import java.nio.file.Path;

/**
 * What one run does, from {@code -Dbench.*} system properties ({@code run.sh} sets the paths).
 * Request counts are fixed rather than time-boxed so two runs compare like with like.
 */
record BenchConfig(
    Path microJar,
    Path war,
    Path dataDir,
    Path pidFile,
    Path serverLog,
    Path results,
    String serverHeap,
    int warmupC1,
    int requestsC1,
    int warmupC32,
    int requestsC32,
    int bigCalls,
    int responseCap) {

  static BenchConfig fromSystemProperties() {
    return new BenchConfig(
        path("bench.micro-jar", "app/target/payara-micro.jar"),
        path("bench.war", "app/target/opstower.war"),
        Path.of(required("bench.data-dir")),
        path("bench.pid-file", "bench/target/server.pid"),
        path("bench.server-log", "bench/target/server.log"),
        path("bench.results", "bench/target/results.md"),
        System.getProperty("bench.server-heap", "512m"),
        // Payara's JIT compiles the request path for about 25,000 calls on 2 cores (see README)
        Integer.getInteger("bench.c1.warmup", 30_000),
        Integer.getInteger("bench.c1.requests", 2_000),
        Integer.getInteger("bench.c32.warmup", 2_000),
        Integer.getInteger("bench.c32.requests", 10_000),
        Integer.getInteger("bench.big.calls", 50),
        // The server's default opstower.executor.max-response-bytes; the bench does not change it.
        8192);
  }

  /** The same run with another maximum heap for the server. */
  BenchConfig withServerHeap(String heap) {
    return new BenchConfig(
        microJar,
        war,
        dataDir,
        pidFile,
        serverLog,
        results,
        heap,
        warmupC1,
        requestsC1,
        warmupC32,
        requestsC32,
        bigCalls,
        responseCap);
  }

  private static Path path(String key, String fallback) {
    return Path.of(System.getProperty(key, fallback));
  }

  private static String required(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("-D" + key + " is required");
    }
    return value;
  }
}
