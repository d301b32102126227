package com.opstower.it.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.DeployedApp;
import com.opstower.it.hostile.HostileUpstream.Fault;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile and broken upstreams (docs/security.md §9) against the deployed WAR: every broken answer
 * is a 502 or 504 whose detail names the fault, and afterwards a normal call on another connection
 * still works and readiness is honest. The deadline is 3 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class HostileUpstreamIT extends DeployedApp {

  private static final String SECRET = "hostile-secret-" + UUID.randomUUID();

  private static HostileUpstream hostile;
  private static HostileUpstream healthy;

  @ArquillianResource URL base;

  private Api admin;

  @BeforeAll
  static void startUpstreams() throws Exception {
    hostile = new HostileUpstream();
    healthy = new HostileUpstream();
  }

  @AfterAll
  static void stopUpstreams() throws Exception {
    hostile.close();
    healthy.close();
  }

  @BeforeEach
  void admin() {
    admin = new Api(base, ADMIN_TOKEN);
  }

  private String connection(String label, String baseUrl) {
    JsonObject input =
        Json.createObjectBuilder()
            .add("label", label + " " + UUID.randomUUID().toString().substring(0, 8))
            .add("baseUrl", baseUrl)
            .add("auth", Json.createObjectBuilder().add("type", "bearer").add("token", SECRET))
            .build();
    Api.Reply created = admin.post("/api/v1/connections", input.toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private String agentWith(String... connections) {
    JsonObject input =
        Json.createObjectBuilder()
            .add("name", "hostile-" + UUID.randomUUID())
            .add("type", "debugger")
            .build();
    String agent = admin.post("/api/v1/agents", input.toString()).json().getString("id");
    for (String connection : connections) {
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + connection, null).status());
    }
    return agent;
  }

  private Api agentToken() {
    JsonObject input =
        Json.createObjectBuilder()
            .add("name", "hostile-engine-" + UUID.randomUUID())
            .add("scopes", Json.createArrayBuilder().add("agent"))
            .build();
    return new Api(base, admin.post("/api/v1/tokens", input.toString()).json().getString("token"));
  }

  private static Api.Reply get(Api api, String agent, String connection, String path) {
    String call =
        Json.createObjectBuilder().add("method", "GET").add("path", path).build().toString();
    return api.post("/api/v1/agents/" + agent + "/connections/" + connection + "/requests", call);
  }

  /** What each fault must come back as: status, code and words of the detail. */
  private static final Map<Fault, String[]> EXPECTED =
      Map.of(
          Fault.HUGE_HEAD, new String[] {"502", "upstream-unreachable", "longer than 8 KiB"},
          Fault.MANY_FIELDS, new String[] {"502", "upstream-unreachable", "more than 100 header"},
          Fault.LARGE_HEAD, new String[] {"502", "upstream-unreachable", "more than 64 KiB"},
          Fault.GARBAGE_STATUS, new String[] {"502", "upstream-unreachable", "no valid status"},
          Fault.HTTP09, new String[] {"502", "upstream-unreachable", "HTTP/0.9"},
          Fault.ENDLESS_INTERIM, new String[] {"502", "upstream-unreachable", "interim (1xx)"},
          Fault.LYING_LENGTH,
              new String[] {"502", "upstream-unreachable", "before the response body was complete"},
          Fault.RESET_MID_BODY, new String[] {"502", "upstream-unreachable", "response body"},
          Fault.CLOSE_BEFORE_HEAD,
              new String[] {"502", "upstream-unreachable", "before sending a response head"},
          Fault.TRICKLED_HEAD, new String[] {"504", "upstream-timeout", "within 3 seconds"});

  @Test
  void everyBrokenAnswerIsANamedGatewayErrorAndCostsNoOtherCall() {
    String bad = connection("Hostile", hostile.baseUrl() + "/api");
    String good = connection("Healthy", healthy.baseUrl() + "/api");
    String agent = agentWith(bad, good);
    Api engine = agentToken();
    List<Executable> checks = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      String[] expected = EXPECTED.get(fault);
      Api.Reply broken = get(engine, agent, bad, fault.path());
      Api.Reply normal = get(engine, agent, good, "/ok");
      Api.Reply ready = new Api(base, null).get("/health/ready");
      checks.add(
          () -> {
            assertEquals(Integer.parseInt(expected[0]), broken.status(), fault + ": " + broken);
            assertEquals(expected[1], broken.code(), fault + ": " + broken);
            String detail = broken.json().getString("detail");
            assertTrue(detail.contains(expected[2]), fault + ": " + detail);
            assertFalse(broken.body().contains(SECRET), fault + " leaked the secret");
          });
      checks.add(
          () -> {
            assertEquals(200, normal.status(), fault + " then normal: " + normal);
            assertEquals(200, normal.json().getInt("status"), fault + " then normal: " + normal);
          });
      checks.add(
          () -> {
            assertEquals(200, ready.status(), fault + " then ready: " + ready);
            assertTrue(ready.body().contains("\"outboundClient\":\"usable\""), ready.body());
          });
    }
    assertAll(checks);

    List<JsonObject> recorded = activity(bad, 100);
    for (Fault fault : Fault.values()) {
      assertTrue(
          recorded.stream()
              .anyMatch(
                  e ->
                      e.getString("path").equals(fault.path())
                          && e.getString("outcome").equals(EXPECTED.get(fault)[1])),
          fault + " is not in the activity log: " + recorded);
    }
  }

  private List<JsonObject> activity(String connection, int limit) {
    Api.Reply reply = admin.get("/api/v1/activity?connectionId=" + connection + "&limit=" + limit);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().getValuesAs(JsonObject.class);
  }

  /**
   * Chaos soak: 8 threads interleave about 2,000 normal calls with about 200 hostile answers. Every
   * normal call is a 200, every hostile one a 502/504, every call is in the activity log, and the
   * heap after a full GC ends within 32 MB of where it started.
   */
  @Test
  @Tag("soak") // runs for a while by design: -Pfull (CI), not the daily plain verify
  void aChaosSoakLosesNoCallNoEntryAndNoMemory() throws Exception {
    int threads = 8;
    int normalPerThread = 250;
    int hostileEvery = 10;
    List<String> normalConnections = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      normalConnections.add(connection("Soak normal " + i, healthy.baseUrl() + "/api"));
    }
    String bad = connection("Soak hostile", hostile.baseUrl() + "/api");
    List<String> all = new ArrayList<>(normalConnections);
    all.add(bad);
    String agent = agentWith(all.toArray(String[]::new));
    // the ITs allow 60 calls per minute per token: enough tokens that the limit never binds
    List<Api> engines = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      engines.add(agentToken());
    }
    Fault[] quickFaults = {
      Fault.MANY_FIELDS,
      Fault.LARGE_HEAD,
      Fault.GARBAGE_STATUS,
      Fault.HTTP09,
      Fault.ENDLESS_INTERIM,
      Fault.LYING_LENGTH,
      Fault.RESET_MID_BODY,
      Fault.CLOSE_BEFORE_HEAD,
      Fault.HUGE_HEAD
    };
    ServerHeap heap = new ServerHeap(base);
    warmUp(agentToken(), agent, normalConnections.get(0), bad);
    long heapBefore = heap.afterFullGc();

    AtomicInteger sequence = new AtomicInteger();
    Map<String, AtomicInteger> okPerConnection = new ConcurrentHashMap<>();
    AtomicInteger hostileCalls = new AtomicInteger();
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < normalPerThread; i++) {
                  int n = sequence.getAndIncrement();
                  Api engine = engines.get(n % engines.size());
                  String connection = normalConnections.get(n % normalConnections.size());
                  Api.Reply normal = get(engine, agent, connection, "/ok/" + n);
                  if (normal.status() == 200 && normal.json().getInt("status") == 200) {
                    okPerConnection
                        .computeIfAbsent(connection, c -> new AtomicInteger())
                        .incrementAndGet();
                  } else {
                    wrong.add("normal call " + n + ": " + normal);
                  }
                  if (i % hostileEvery == 0) {
                    Fault fault = quickFaults[n % quickFaults.length];
                    Api.Reply broken = get(engine, agent, bad, fault.path() + "/" + n);
                    hostileCalls.incrementAndGet();
                    if (broken.status() != 502 && broken.status() != 504) {
                      wrong.add(fault + " call " + n + ": " + broken);
                    }
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    long heapAfter = heap.afterFullGc();

    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())));
    int normalTotal = threads * normalPerThread;
    assertEquals(normalTotal, okPerConnection.values().stream().mapToInt(AtomicInteger::get).sum());
    for (String connection : normalConnections) {
      long okEntries =
          activity(connection, 1000).stream()
              .filter(e -> e.getString("outcome").equals("ok"))
              .filter(e -> e.getString("path").startsWith("/ok/"))
              .count();
      assertEquals(okPerConnection.get(connection).get(), okEntries, "entries of " + connection);
    }
    long hostileEntries =
        activity(bad, 1000).stream()
            .filter(e -> e.get("status") == JsonValue.NULL)
            .filter(e -> e.getString("path").matches("/[a-z0-9-]+/\\d+"))
            .count();
    assertEquals(hostileCalls.get(), hostileEntries, "hostile calls recorded");
    long growth = heapAfter - heapBefore;
    assertTrue(
        growth < 32L * 1024 * 1024,
        "heap after a full GC grew by "
            + growth / (1024 * 1024)
            + " MB (before "
            + heapBefore
            + ", after "
            + heapAfter
            + ")");
  }

  /** A few calls of each kind first, so classes loaded and caches filled are not counted. */
  private void warmUp(Api engine, String agent, String normal, String bad) {
    for (int i = 0; i < 20; i++) {
      get(engine, agent, normal, "/warm");
      get(engine, agent, bad, Fault.GARBAGE_STATUS.path() + "/warm");
    }
  }
}
