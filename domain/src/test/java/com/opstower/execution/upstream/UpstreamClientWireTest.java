package com.opstower.execution.upstream;

import static com.opstower.execution.upstream.UpstreamTesting.LOOPBACK_ALLOWED;
import static com.opstower.execution.upstream.UpstreamTesting.answersOk;
import static com.opstower.execution.upstream.UpstreamTesting.get;
import static com.opstower.execution.upstream.UpstreamTesting.reader;
import static com.opstower.execution.upstream.UpstreamTesting.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.HostLookup;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.OutboundBody;
import com.opstower.execution.request.RequestMethod;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What reaches a real upstream on 127.0.0.1, byte for byte: method, URL, headers, body. */
class UpstreamClientWireTest {

  private static final String SECRET = "sk_live_0123456789abcdef";

  private final UpstreamClient client =
      new UpstreamClient(LOOPBACK_ALLOWED, Duration.ofSeconds(5), 8);

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void patchArrivesAsPatchWithBodyAndExactContentType() throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      String json = "{\"name\":\"caf\u00e9\"}";
      client.exchange(
          request(
              RequestMethod.PATCH,
              server.url("/items/7"),
              Map.of(),
              OutboundBody.json(json, "application/merge-patch+json; charset=utf-8")),
          reader(100),
          SecretRedactor.none());

      String head = server.heads().get(0);
      assertTrue(head.startsWith("PATCH /items/7 HTTP/1.1\r\n"), head);
      assertTrue(
          head.contains("\r\nContent-Type: application/merge-patch+json; charset=utf-8\r\n"));
      byte[] sent = json.getBytes(StandardCharsets.UTF_8);
      assertTrue(head.contains("\r\nContent-Length: " + sent.length + "\r\n"), head);
      assertArrayEquals(sent, server.bodies().get(0));
      assertFalse(head.toLowerCase().contains("x-http-method-override"));
    }
  }

  @ParameterizedTest
  @EnumSource(RequestMethod.class)
  void everyMethodArrivesUnchangedAndOnlyBodyMethodsCarryABody(RequestMethod method)
      throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      OutboundBody body = method.allowsBody() ? OutboundBody.text("data", null) : null;
      UpstreamResponse response =
          client.exchange(
              request(method, server.url("/r"), Map.of(), body),
              reader(100),
              SecretRedactor.none());

      assertEquals(200, response.status());
      String head = server.heads().get(0);
      assertTrue(head.startsWith(method + " /r HTTP/1.1\r\n"), head);
      assertEquals(method.allowsBody(), head.contains("Content-Length: 4\r\n"), head);
      assertEquals(method.allowsBody(), head.contains("Content-Type: text/plain; charset=UTF-8"));
      assertArrayEquals(
          method.allowsBody() ? "data".getBytes() : new byte[0], server.bodies().get(0));
    }
  }

  @Test
  void postWithoutBodySendsAnEmptyBodyAndNoContentType() throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      client.exchange(
          request(RequestMethod.POST, server.url("/r"), Map.of(), OutboundBody.none()),
          reader(100),
          SecretRedactor.none());

      String head = server.heads().get(0);
      assertTrue(head.contains("\r\nContent-Length: 0\r\n"), head);
      assertFalse(head.toLowerCase().contains("content-type"), head);
    }
  }

  @Test
  void exactlyTheRequestedHeadersArrivePlusIdentityEncodingAndUserAgent() throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Authorization", "Bearer " + SECRET);
      headers.put("Accept", "application/json");
      headers.put("X-Request-Id", "a b,c;d");
      headers.put("x-lower-case", "kept");
      client.exchange(
          request(RequestMethod.PUT, server.url("/h"), headers, OutboundBody.text("x", "text/x")),
          reader(100),
          SecretRedactor.none());

      List<String> lines = Arrays.asList(server.heads().get(0).split("\r\n"));
      Set<String> received = lines.stream().skip(1).collect(Collectors.toSet());
      Set<String> expected =
          Set.of(
              "Host: 127.0.0.1:" + server.port(),
              "Content-Length: 1",
              "Content-Type: text/x",
              "Accept-Encoding: identity",
              "User-Agent: OpsTower-Connections/1.0",
              "Authorization: Bearer " + SECRET,
              "Accept: application/json",
              "X-Request-Id: a b,c;d",
              "x-lower-case: kept");
      assertEquals(expected, received);
      assertEquals(expected.size() + 1, lines.size(), "no header sent twice");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a%2Fb/%7Bid%7D/caf%C3%A9;matrix=1",
        "/search?q=a%26b&r=c+d&s=%25&t=%7B%7D&u=%2B",
        "/x?flag&=&a==b",
        "/%25%32%65%25%32%65/?a=1&a=2",
        "/items/%7Bnot-a-template%7D?k=%7Bv%7D&empty="
      })
  void theUrlArrivesByteForByteWithoutReencodingOrTemplating(String pathAndQuery) throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      client.exchange(get(server.url(pathAndQuery)), reader(100), SecretRedactor.none());

      assertTrue(
          server.heads().get(0).startsWith("GET " + pathAndQuery + " HTTP/1.1\r\n"),
          server.heads().get(0));
    }
  }

  @Test
  void aConnectionIsReusedAcrossSequentialCalls() throws Exception {
    try (RawUpstream server = new RawUpstream(answersOk())) {
      for (int i = 0; i < 3; i++) {
        assertEquals(
            "ok",
            client
                .exchange(get(server.url("/" + i)), reader(100), SecretRedactor.none())
                .body()
                .body());
      }
      assertEquals(1, server.acceptedConnections());
      assertEquals(3, server.heads().size());
    }
  }

  @Test
  void aReusedConnectionNeedsNoSecondLookupAndTheLookupDecidesTheAddress() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostLookup dns =
        host -> {
          lookups.incrementAndGet();
          return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
    try (RawUpstream server = new RawUpstream(answersOk());
        UpstreamClient named =
            new UpstreamClient(
                new EgressPolicy(false, true, List.of(), List.of(), dns),
                Duration.ofSeconds(5),
                2)) {
      String url = "http://api.upstream.test:" + server.port() + "/v1";
      named.exchange(get(url), reader(100), SecretRedactor.none());
      named.exchange(get(url), reader(100), SecretRedactor.none());

      assertEquals(1, lookups.get());
      assertEquals(1, server.acceptedConnections());
      assertTrue(server.heads().get(0).contains("\r\nHost: api.upstream.test:" + server.port()));
    }
  }

  @Test
  void cookiesFromOneResponseAreNeverSentBack() throws Exception {
    try (LoopbackHttpServer server =
        new LoopbackHttpServer(
            exchange -> {
              exchange.getResponseHeaders().add("Set-Cookie", "sid=abc; Path=/");
              exchange.sendResponseHeaders(204, -1);
            })) {
      client.exchange(get(server.url("/a")), reader(100), SecretRedactor.none());
      client.exchange(get(server.url("/b")), reader(100), SecretRedactor.none());

      assertNull(server.received().get(1).headers().getFirst("Cookie"));
    }
  }
}
