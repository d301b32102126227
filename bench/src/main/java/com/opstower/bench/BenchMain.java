package com.opstower.bench;

import com.opstower.bench.LoadRunner.Phase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run: start the upstream and OpsTower, prepare a connection, measure direct and
 * proxied calls, then the 100 MB-body heap run, report, and stop everything.
 */
public final class BenchMain {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    int status;
    try (Upstream upstream = new Upstream(config.bigCalls() + 64)) {
      status = run(config, upstream);
    }
    // Daemon threads of the HTTP clients must not keep the JVM alive.
    System.exit(status);
  }

  private static int run(BenchConfig config, Upstream upstream) throws Exception {
    String loadBefore = loadAverage();
    String adminToken = BenchServer.newAdminToken();
    Map<String, String> settings = BenchServer.settings(config, adminToken, "128");

    System.out.println("Starting OpsTower (log: " + config.serverLog() + ") ...");
    ServerProcess server = BenchServer.start(config, settings);
    try {
      server.awaitReady(Duration.ofMinutes(4));
      System.out.println("OpsTower is ready at " + server.base() + " (pid " + server.pid() + ")");
      HttpClient direct = newClient();
      HttpClient proxied = newClient();
      OpsTowerApi api = new OpsTowerApi(proxied, server.base(), adminToken);
      OpsTowerApi.Target target = api.prepare(upstream.base());

      HttpRequest small =
          HttpRequest.newBuilder(upstream.base().resolve("/small")).timeout(CALL_TIMEOUT).build();
      HttpRequest smallThrough = api.executeRequest(target, "/small", CALL_TIMEOUT);
      LoadRunner directRunner = new LoadRunner(direct);
      LoadRunner proxiedRunner = new LoadRunner(proxied);
      List<Phase> phases =
          List.of(
              phase(directRunner, "direct", small, BenchMain::directProblem, 1, config),
              phase(
                  proxiedRunner,
                  "through OpsTower",
                  smallThrough,
                  BenchMain::proxiedProblem,
                  1,
                  config),
              phase(directRunner, "direct", small, BenchMain::directProblem, 32, config),
              phase(
                  proxiedRunner,
                  "through OpsTower",
                  smallThrough,
                  BenchMain::proxiedProblem,
                  32,
                  config));

      System.out.println("Heap run: " + config.bigCalls() + " calls at once, 100 MB body each ...");
      HeapProbe heap = new HeapProbe(newClient(), server.base(), server.pid());
      HeapRun.Result heapResult =
          new HeapRun(newClient(), heap)
              .run(
                  api.executeRequest(target, "/big", Duration.ofSeconds(120)),
                  config.bigCalls(),
                  config.responseCap(),
                  3000);

      String markdown =
          new Report()
              .header(machine(config.serverHeap(), loadBefore), upstreamNote())
              .latency(phases)
              .heap(
                  heapResult,
                  heap.source(),
                  upstream.bigBytesSent(),
                  upstream.bigResponsesStarted(),
                  config.responseCap())
              .markdown();
      Files.createDirectories(config.results().toAbsolutePath().getParent());
      Files.writeString(config.results(), markdown);
      System.out.println();
      System.out.println(markdown);
      System.out.println("Written to " + config.results());
      boolean clean =
          phases.stream().allMatch(p -> p.errors() == 0) && heapResult.problems().isEmpty();
      return clean ? 0 : 2;
    } catch (Exception | Error failed) {
      System.err.println("Benchmark failed: " + failed);
      System.err.println("Last lines of the server log:\n" + server.logTail(40));
      throw failed;
    } finally {
      System.out.println("Stopping OpsTower ...");
      server.close();
    }
  }

  private static Phase phase(
      LoadRunner runner,
      String name,
      HttpRequest request,
      LoadRunner.Check check,
      int concurrency,
      BenchConfig config)
      throws InterruptedException {
    boolean single = concurrency == 1;
    int warmup = single ? config.warmupC1() : config.warmupC32();
    int count = single ? config.requestsC1() : config.requestsC32();
    System.out.printf(
        "%s, concurrency %d: %d warm-up + %d requests ...%n", name, concurrency, warmup, count);
    return runner.run(name, request, check, concurrency, warmup, count);
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static String directProblem(HttpResponse<String> response) {
    if (response.statusCode() != 200 || response.body().length() != Upstream.SMALL_BYTES) {
      return "HTTP " + response.statusCode() + ", " + response.body().length() + " chars";
    }
    return null;
  }

  private static String proxiedProblem(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode() + ": " + response.body();
    }
    JsonObject result = OpsTowerApi.parse(response.body());
    if (result.getInt("status") != 200
        || result.getBoolean("truncated")
        || result.getInt("bodyBytes") != Upstream.SMALL_BYTES) {
      return "unexpected result: " + response.body();
    }
    return null;
  }

  private static String machine(String serverHeap, String loadBefore) {
    return String.format(
        "Run %s on %d cores (%s %s, %s), Java %s; OpsTower on Payara Micro with -Xmx%s, bench"
            + " client and upstream in one other JVM on the same machine. Load average before the"
            + " run (1/5/15 min): %s; other work on the machine skews every figure.",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        serverHeap,
        loadBefore);
  }

  /** The 1, 5 and 15-minute load averages (Linux), or "unknown". */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException unavailable) {
      return "unknown";
    }
  }

  private static String upstreamNote() {
    return "Upstream: JDK HttpServer on 127.0.0.1; `GET /small` answers "
        + Upstream.SMALL_BYTES
        + " bytes of JSON. Client: java.net.http.HttpClient, HTTP/1.1, keep-alive, closed loop"
        + " (each thread sends its next request when the answer is read). Through OpsTower ="
        + " `POST /api/v1/agents/{id}/connections/{cid}/requests` with"
        + " `{\"method\":\"GET\",\"path\":\"/small\"}`, token with scope `agent`.";
  }
}
