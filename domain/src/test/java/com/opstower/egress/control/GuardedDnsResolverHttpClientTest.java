package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resolver inside a real Apache HttpClient 5, against an upstream on 127.0.0.1 only. */
class GuardedDnsResolverHttpClientTest {

  @BeforeAll
  static void requiresSlf4j() {
    // HttpClient 5 logs through slf4j-api, which the domain module gets only at runtime (app
    // module); without it on the test classpath these tests cannot run.
    boolean present;
    try {
      Class.forName("org.slf4j.LoggerFactory");
      present = true;
    } catch (ClassNotFoundException e) {
      present = false;
    }
    assumeTrue(present, "slf4j-api is not on the test classpath");
  }

  private HttpServer upstream;
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
          byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private int port() {
    return upstream.getAddress().getPort();
  }

  private static CloseableHttpClient clientWith(EgressPolicy policy) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(policy))
                .build())
        .disableAutomaticRetries()
        .build();
  }

  private static int get(CloseableHttpClient client, String uri) throws IOException {
    return client.execute(new HttpGet(uri), response -> response.getCode());
  }

  @Test
  void httpClientConnectsToTheAddressThePolicyResolved() throws IOException {
    // "upstream.test" exists only in the simulated DNS, so a connection proves the client used it.
    HostLookup dns = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
    EgressPolicy policy = new EgressPolicy(false, true, List.of(), List.of(), dns);
    try (CloseableHttpClient client = clientWith(policy)) {
      assertEquals(200, get(client, "http://upstream.test:" + port() + "/ping"));
    }
    assertEquals(List.of("upstream.test:" + port()), hostHeaders);
  }

  @Test
  void aBlockedDestinationStopsTheRequestBeforeAnyConnection() throws IOException {
    HostLookup dns = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of(), dns);
    try (CloseableHttpClient client = clientWith(policy)) {
      DestinationBlockedException e =
          assertThrows(
              DestinationBlockedException.class,
              () -> get(client, "http://upstream.test:" + port() + "/ping"));
      assertEquals("upstream.test", e.host());
      assertEquals(EgressPolicy.LOOPBACK_REFUSED, e.reason());
    }
    assertTrue(hostHeaders.isEmpty(), "the upstream must not have been contacted");
  }

  @Test
  void literalHostsGoThroughThePolicyToo() throws IOException {
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of());
    try (CloseableHttpClient client = clientWith(policy)) {
      assertThrows(
          DestinationBlockedException.class, () -> get(client, "http://127.0.0.1:" + port() + "/"));
      assertThrows(
          DestinationBlockedException.class,
          () -> get(client, "http://2130706433:" + port() + "/"));
    }
    assertTrue(hostHeaders.isEmpty());
  }

  @Test
  void aRebindingAnswerAfterTheCheckIsNeverUsed() throws IOException {
    // The first answer passes; any later lookup would rebind to the metadata address.
    AtomicInteger lookups = new AtomicInteger();
    HostLookup rebinding =
        host ->
            lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                : new InetAddress[] {ip("169.254.169.254")};
    EgressPolicy policy = new EgressPolicy(false, true, List.of(), List.of(), rebinding);
    try (CloseableHttpClient client = clientWith(policy)) {
      assertEquals(200, get(client, "http://rebind.test:" + port() + "/"));
    }
    assertEquals(1, lookups.get(), "one lookup per connection: checked and connected together");
  }
}
