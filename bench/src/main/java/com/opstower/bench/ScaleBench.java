package com.opstower.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The executor at scale, in one run against the same upstreams (issue 11's scenarios), with wrk as
 * the client: (a) a concurrency sweep against an upstream that answers in 200 ms, direct vs through
 * OpsTower, with the server's peaks; (b) 32 connections against a fast upstream, direct vs nginx as
 * a credential-injecting proxy vs OpsTower vs OpsTower's own cheapest authenticated endpoint; (c)
 * one call at a time, the latency OpsTower adds. Writes {@code bench/target/scale.md}.
 */
public final class ScaleBench {

  private static final String UPSTREAM_SECRET = "bench-upstream-secret-not-a-real-one";

  /** How often each page the sampler times is requested before the runs. */
  private static final int WARM_UP_PAGE_REQUESTS = 200;

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    // 2 GB, as docs/operations.md tells operators to give a server that carries thousands of calls
    // at once: at 5,000 calls in flight a 1 GB heap ran out of room for the collector's copies and
    // made a full collection (about 350 ms) every 6-7 s (bench/README.md, 2026-12-04 18:40-19:26);
    // at 512 MB a call at 1,000 connections cost 0.51-0.60 ms of the server's CPU, at 1 GB
    // 0.36-0.47
    BenchConfig config =
        BenchConfig.fromSystemProperties()
            .withServerHeap(System.getProperty("bench.scale.server-heap", "2g"));
    int seconds = Integer.getInteger("bench.scale.seconds", 15);
    // Every measured OpsTower run follows the same load for this long, unmeasured: a change of load
    // makes the JIT recompile the hot path (its type profiles and untaken branches differ between
    // 1, 32 and 1,000 connections), and JFR showed that recompiling took about one of the two cores
    // for the first 20 s of a 1,000-connection run that followed the 32-connection one. After 10 s
    // the JIT still had 6–8 % of the server's CPU at 1,000 connections, after 30 s 2–5 %, and a
    // call cost 0.22–0.23 ms of CPU instead of 0.26–0.30 (bench/README.md, 2026-12-04). The report
    // gives the JIT's share of every measured run.
    int settle = Integer.getInteger("bench.scale.settle-seconds", 30);
    List<Integer> levels = new ArrayList<>();
    for (String level : System.getProperty("bench.scale.levels", "100,1000,5000").split(",")) {
      levels.add(Integer.parseInt(level.strip()));
    }
    boolean nonBlocking =
        Boolean.parseBoolean(System.getProperty("bench.scale.non-blocking", "true"));
    // the global bound must not bind: 5,000 waiting calls with the non-blocking executor; the
    // blocking one is bounded by Payara's 200 HTTP threads anyway
    String poolSize = System.getProperty("bench.scale.pool-size", nonBlocking ? "6000" : "256");
    Path work = config.results().toAbsolutePath().getParent().resolve("scale");
    Files.createDirectories(work);

    String adminToken = BenchServer.newAdminToken();
    Map<String, String> settings = BenchServer.settings(config, adminToken, poolSize);
    settings.put("opstower.executor.non-blocking", String.valueOf(nonBlocking));

    StringBuilder report = new StringBuilder();
    try (SlowUpstream upstream = new SlowUpstream();
        NginxProxy nginx =
            NginxProxy.start(
                Path.of(System.getProperty("bench.nginx", "/usr/sbin/nginx")),
                upstream.port(),
                UPSTREAM_SECRET,
                work.resolve("nginx"));
        ServerProcess server = BenchServer.start(config, settings)) {
      server.awaitReady(Duration.ofMinutes(4));
      System.out.println("OpsTower is ready at " + server.base() + " (pid " + server.pid() + ")");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      OpsTowerApi api = new OpsTowerApi(client, server.base(), adminToken);
      OpsTowerApi.Target target =
          api.prepare(
              upstream.base(),
              Json.createObjectBuilder()
                  .add("type", "bearer")
                  .add("token", UPSTREAM_SECRET)
                  .build());
      Map<String, String> agent = Map.of("Authorization", "Bearer " + target.agentToken());
      String calls =
          server
              .base()
              .resolve(
                  "api/v1/agents/"
                      + target.agentId()
                      + "/connections/"
                      + target.connectionId()
                      + "/requests")
              .toString();
      String tools =
          server.base().resolve("api/v1/agents/" + target.agentId() + "/tools").toString();
      String direct = upstream.base().toString();
      Wrk wrk = new Wrk(work);
      CpuMeter cpu = new CpuMeter(server.pid());

      // The sampler times these pages during the sweep: rendered once here, so the sweep reads
      // warm pages, not the first render (templates, classes, JIT) under load, which took seconds.
      System.out.println(
          "Warm-up: the sign-in page and /health/ready, "
              + WARM_UP_PAGE_REQUESTS
              + " times each ...");
      long firstLoginMs = warmUp(client, server.base().resolve("login"));
      long firstReadyMs = warmUp(client, server.base().resolve("health/ready"));
      System.out.println("Warm-up: 32 connections, 30 s through OpsTower ...");
      wrk.post(calls, agent, call("/fast"), 32, 30);
      System.out.println("(c) one call at a time ...");
      Wrk.Result c1Direct = wrk.get(direct + "/fast", Map.of(), 1, seconds);
      wrk.post(calls, agent, call("/fast"), 1, settle);
      CpuMeter.Snapshot c1Start = cpu.start();
      Wrk.Result c1Through = wrk.post(calls, agent, call("/fast"), 1, seconds);
      CpuMeter.Usage c1Cpu = cpu.since(c1Start);

      System.out.println("(b) 32 connections, fast upstream ...");
      Wrk.Result fastDirect = wrk.get(direct + "/fast", Map.of(), 32, seconds);
      Wrk.Result fastNginx = wrk.get(nginx.base() + "/fast", Map.of(), 32, seconds);
      wrk.post(calls, agent, call("/fast"), 32, settle);
      CpuMeter.Snapshot fastStart = cpu.start();
      Wrk.Result fastThrough = wrk.post(calls, agent, call("/fast"), 32, seconds);
      CpuMeter.Usage fastCpu = cpu.since(fastStart);
      wrk.get(tools, agent, 32, settle);
      CpuMeter.Snapshot toolsStart = cpu.start();
      Wrk.Result fastTools = wrk.get(tools, agent, 32, seconds);
      CpuMeter.Usage toolsCpu = cpu.since(toolsStart);

      HeapProbe heap = new HeapProbe(client, server.base(), server.pid());
      List<Wrk.Result> sweepDirect = new ArrayList<>();
      List<Wrk.Result> sweepThrough = new ArrayList<>();
      List<ServerSampler.Peaks> peaks = new ArrayList<>();
      List<CpuMeter.Usage> sweepCpu = new ArrayList<>();
      List<Long> baselines = new ArrayList<>();
      List<Long> liveHeaps = new ArrayList<>();
      for (int level : levels) {
        System.out.println("(a) " + level + " connections, 200 ms upstream ...");
        sweepDirect.add(wrk.get(direct + "/slow", Map.of(), level, seconds));
        heap.collectGarbage();
        Thread.sleep(2000);
        baselines.add(heap.usedBytes());
        // Halfway through the unmeasured run, a full collection: what the calls in flight really
        // hold. Not in the measured run: the collection stops every call and jcmd starts a JVM,
        // both on the same 2 cores, and that lands in the run's p99.
        java.util.concurrent.atomic.AtomicLong live =
            new java.util.concurrent.atomic.AtomicLong(-1);
        Thread midRun =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(settle * 500L);
                    if (heap.collectGarbage()) {
                      live.set(heap.usedBytes());
                    }
                  } catch (InterruptedException | java.io.IOException | RuntimeException lost) {
                    // reported as unknown
                  }
                },
                "mid-run-gc");
        // with the sampler's pages too: they run the container's code with other types, and when
        // they first came with the measured run, their deoptimisations started the recompiling
        try (ServerSampler alsoSettling = new ServerSampler(server.pid(), heap, server.base())) {
          midRun.start();
          wrk.post(calls, agent, call("/slow"), level, settle);
        }
        try (ServerSampler sampler = new ServerSampler(server.pid(), heap, server.base())) {
          CpuMeter.Snapshot levelStart = cpu.start();
          sweepThrough.add(wrk.post(calls, agent, call("/slow"), level, seconds));
          sweepCpu.add(cpu.since(levelStart));
          peaks.add(sampler.peaks());
        }
        midRun.join();
        liveHeaps.add(
            live.get() < 0 ? -1 : Math.max(0, live.get() - baselines.get(baselines.size() - 1)));
      }

      report.append("# Scale bench\n\n");
      report.append(
          String.format(
              Locale.ROOT,
              "2 cores, wrk 2 threads, %d s per run (each OpsTower run after %d s of the same load,"
                  + " unmeasured), OpsTower `-Xmx%s`, `opstower.executor.pool-size=%s`,"
                  + " `opstower.executor.non-blocking="
                  + nonBlocking
                  + "`,"
                  + " per-token limits raised so they do not bind; upstream on loopback (JDK HttpServer,"
                  + " 1 KB JSON), connection auth `bearer`, nginx 1 worker injecting the same bearer.%n%n",
              seconds,
              settle,
              config.serverHeap(),
              poolSize));
      report.append("## (a) Concurrency sweep, upstream answers in 200 ms\n\n");
      report.append(
          "| connections | direct req/s | OpsTower req/s | ratio | OpsTower p50 / p99 ms | errors |"
              + " heap growth MB | live heap growth MB | RSS MB | threads | slowest /health/ready,"
              + " /login ms | server CPU ms per call | JIT | steal |\n");
      report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int i = 0; i < levels.size(); i++) {
        Wrk.Result d = sweepDirect.get(i);
        Wrk.Result t = sweepThrough.get(i);
        ServerSampler.Peaks p = peaks.get(i);
        report.append(
            String.format(
                Locale.ROOT,
                "| %d | %.0f | %.0f | %.0f %% | %.0f / %.0f | %s (direct %s) | %s | %s | %.0f | %d | %s,"
                    + " %s | %s | %s | %s |%n",
                levels.get(i),
                d.requestsPerSecond(),
                t.requestsPerSecond(),
                100 * t.requestsPerSecond() / d.requestsPerSecond(),
                t.p50Ms(),
                t.p99Ms(),
                t.errorsShown(),
                d.errorsShown(),
                p.heapBytes() == 0
                    ? "—" // the metrics endpoint never answered during the run
                    : String.format(
                        Locale.ROOT, "%.0f", Math.max(0, p.heapBytes() - baselines.get(i)) / 1e6),
                liveHeaps.get(i) < 0
                    ? "—"
                    : String.format(Locale.ROOT, "%.0f", liveHeaps.get(i) / 1e6),
                p.rssBytes() / 1e6,
                p.threads(),
                p.ready().shown(),
                p.ui().shown(),
                CpuMeter.Usage.perRequest(sweepCpu.get(i), t.requests()),
                CpuMeter.Usage.jit(sweepCpu.get(i)),
                CpuMeter.Usage.steal(sweepCpu.get(i))));
      }
      report.append(
          String.format(
              Locale.ROOT,
              "%nThe pages the sampler times were each requested %d times before the runs; their"
                  + " first answer after the start, on the idle server: sign-in page %d ms,"
                  + " `/health/ready` %d ms.%n",
              WARM_UP_PAGE_REQUESTS,
              firstLoginMs,
              firstReadyMs));
      report.append("\n## (b) 32 connections, fast upstream\n\n");
      report.append(
          "| path | req/s | p50 / p99 ms | errors | server CPU ms per call | JIT | steal |\n"
              + "|---|---:|---:|---:|---:|---:|---:|\n");
      row(report, "direct", fastDirect, null);
      row(report, "nginx injecting the credential", fastNginx, null);
      row(report, "through OpsTower", fastThrough, fastCpu);
      row(
          report,
          "OpsTower `GET /api/v1/agents/{id}/tools` (cheapest authenticated)",
          fastTools,
          toolsCpu);
      report.append(
          String.format(
              Locale.ROOT,
              "%nOpsTower = %.1f %% of nginx, %.0f %% of its own cheapest authenticated endpoint.%n",
              100 * fastThrough.requestsPerSecond() / fastNginx.requestsPerSecond(),
              100 * fastThrough.requestsPerSecond() / fastTools.requestsPerSecond()));
      report.append("\n## (c) One call at a time\n\n");
      report.append(
          "| path | p50 ms | p99 ms | server CPU ms per call | JIT | steal |\n"
              + "|---|---:|---:|---:|---:|---:|\n");
      report.append(
          String.format(
              Locale.ROOT,
              "| direct | %.3f | %.3f | — | — | — |%n",
              c1Direct.p50Ms(),
              c1Direct.p99Ms()));
      report.append(
          String.format(
              Locale.ROOT,
              "| through OpsTower | %.3f | %.3f | %s | %s | %s |%n%nAdded median latency: %.3f ms.%n",
              c1Through.p50Ms(),
              c1Through.p99Ms(),
              CpuMeter.Usage.perRequest(c1Cpu, c1Through.requests()),
              CpuMeter.Usage.jit(c1Cpu),
              CpuMeter.Usage.steal(c1Cpu),
              c1Through.p50Ms() - c1Direct.p50Ms()));
      report.append(
          "\nServer CPU per call: the server process's user and system time over the run divided"
              + " by the requests wrk completed; JIT: the JIT compiler threads' share of that time"
              + " (`/proc/<pid>/task`); steal: the share of the machine's CPU time the"
              + " hypervisor took meanwhile (`/proc/stat`).\n");
    }
    Path out = config.results().toAbsolutePath().resolveSibling("scale.md");
    Files.writeString(out, report);
    System.out.println();
    System.out.println(report);
    System.out.println("Written to " + out);
    System.exit(0);
  }

  /**
   * Requests {@code page} {@link #WARM_UP_PAGE_REQUESTS} times; returns how long the first answer
   * took. A page that does not answer 200 stops the bench: the sweep would time an error page.
   */
  private static long warmUp(HttpClient client, URI page) throws IOException, InterruptedException {
    long firstMs = -1;
    for (int i = 0; i < WARM_UP_PAGE_REQUESTS; i++) {
      long started = System.nanoTime();
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(page + " answered " + answer.statusCode());
      }
      if (firstMs < 0) {
        firstMs = (System.nanoTime() - started) / 1_000_000;
      }
    }
    return firstMs;
  }

  private static String call(String path) {
    return "{\"method\":\"GET\",\"path\":\"" + path + "\"}";
  }

  private static void row(
      StringBuilder report, String name, Wrk.Result result, CpuMeter.Usage usage) {
    report.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.2f / %.2f | %s | %s | %s | %s |%n",
            name,
            result.requestsPerSecond(),
            result.p50Ms(),
            result.p99Ms(),
            result.errorsShown(),
            usage == null ? "—" : CpuMeter.Usage.perRequest(usage, result.requests()),
            usage == null ? "—" : CpuMeter.Usage.jit(usage),
            usage == null ? "—" : CpuMeter.Usage.steal(usage)));
  }
}
