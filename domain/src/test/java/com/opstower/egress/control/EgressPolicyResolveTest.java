package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolution through a simulated DNS: never a real lookup. */
class EgressPolicyResolveTest {

  /** Answers from a fixed table and records every name it was asked for. */
  static final class FakeDns implements HostLookup {
    final List<String> asked = new ArrayList<>();
    private final Map<String, InetAddress[]> answers;

    FakeDns(Map<String, InetAddress[]> answers) {
      this.answers = answers;
    }

    @Override
    public InetAddress[] lookup(String host) throws UnknownHostException {
      asked.add(host);
      InetAddress[] answer = answers.get(host);
      if (answer == null) {
        throw new UnknownHostException(host + ": simulated NXDOMAIN");
      }
      return answer;
    }
  }

  private static EgressPolicy policy(HostLookup dns) {
    return new EgressPolicy(true, false, List.of(), List.of(), dns);
  }

  private static InetAddress[] addresses(String... literals) {
    return java.util.Arrays.stream(literals).map(TestAddresses::ip).toArray(InetAddress[]::new);
  }

  @Test
  void aNameResolvingToAPublicAndAMetadataAddressIsBlocked() {
    FakeDns dns =
        new FakeDns(Map.of("example.internal", addresses("93.184.216.34", "169.254.169.254")));
    DestinationBlockedException e =
        assertThrows(
            DestinationBlockedException.class, () -> policy(dns).resolve("example.internal"));
    assertEquals("example.internal", e.host());
    assertEquals("cloud metadata address", e.reason());
    assertEquals(ip("169.254.169.254"), e.address());
    assertEquals(
        "Destination example.internal (169.254.169.254) is blocked: cloud metadata address",
        e.getMessage());
    assertEquals(List.of("example.internal"), dns.asked);
  }

  @Test
  void theBlockedAddressMayComeFirstOrLast() {
    FakeDns dns =
        new FakeDns(
            Map.of(
                "first.test", addresses("127.0.0.1", "8.8.8.8"),
                "last.test", addresses("8.8.8.8", "1.1.1.1", "2606:4700::1111", "::1")));
    assertThrows(DestinationBlockedException.class, () -> policy(dns).resolve("first.test"));
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy(dns).resolve("last.test"));
    assertEquals(EgressPolicy.LOOPBACK_REFUSED, e.reason());
  }

  @Test
  void returnsExactlyTheCheckedAddressesInOrder() throws UnknownHostException {
    InetAddress[] answer = addresses("8.8.8.8", "2606:4700::1111", "10.0.0.5");
    FakeDns dns = new FakeDns(Map.of("api.example.com", answer));
    InetAddress[] resolved = policy(dns).resolve("api.example.com");
    assertArrayEquals(answer, resolved);
    for (int i = 0; i < answer.length; i++) {
      assertSame(answer[i], resolved[i]);
    }
    assertNotSame(answer, resolved, "a copy, so a later change to the answer cannot slip in");
  }

  @Test
  void resolvesOnlyOncePerCall() throws UnknownHostException {
    FakeDns dns = new FakeDns(Map.of("api.example.com", addresses("8.8.8.8")));
    policy(dns).resolve("api.example.com");
    assertEquals(1, dns.asked.size());
  }

  @Test
  void dnsFailurePropagatesAsUnknownHostException() {
    UnknownHostException failure = new UnknownHostException("simulated SERVFAIL");
    HostLookup failing =
        host -> {
          throw failure;
        };
    UnknownHostException thrown =
        assertThrows(UnknownHostException.class, () -> policy(failing).resolve("api.example.com"));
    assertSame(failure, thrown);
    assertFalse(thrown instanceof DestinationBlockedException);
  }

  @Test
  void emptyNullOrIncompleteAnswersFailClosed() {
    HostLookup empty = host -> new InetAddress[0];
    HostLookup none = host -> null;
    HostLookup holey = host -> new InetAddress[] {ip("8.8.8.8"), null};
    for (HostLookup dns : List.of(empty, none, holey)) {
      UnknownHostException e =
          assertThrows(UnknownHostException.class, () -> policy(dns).resolve("api.example.com"));
      assertFalse(e instanceof DestinationBlockedException);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]"})
  void bracketedIpv6LiteralsAreLookedUpWithoutBrackets(String host) {
    FakeDns dns = new FakeDns(Map.of(host.substring(1, host.length() - 1), addresses("::1")));
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy(dns).resolve(host));
    assertEquals(host, e.host());
    assertEquals(List.of(host.substring(1, host.length() - 1)), dns.asked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[example.com]", "[127.0.0.1]", "[]", "[::1] ", "[::1]x", "[::1\n]"})
  void bracketsAroundAnythingButAnIpv6LiteralAreRefusedWithoutALookup(String host) {
    FakeDns dns = new FakeDns(Map.of());
    assertThrows(UnknownHostException.class, () -> policy(dns).resolve(host));
    assertTrue(
        dns.asked.stream().noneMatch(asked -> asked.equals(host.replace("[", "").replace("]", ""))),
        "brackets must not be stripped from " + host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void blankHostsFailWithoutALookup(String host) {
    FakeDns dns = new FakeDns(Map.of());
    assertThrows(UnknownHostException.class, () -> policy(dns).resolve(host));
    assertTrue(dns.asked.isEmpty());
  }

  @Test
  void nullHostFailsWithoutALookup() {
    FakeDns dns = new FakeDns(Map.of());
    assertThrows(UnknownHostException.class, () -> policy(dns).resolve(null));
    assertTrue(dns.asked.isEmpty());
  }

  @Test
  void ipv6AddressesAreShownCompressedInTheMessage() {
    FakeDns dns = new FakeDns(Map.of("imds.test", addresses("fd00:ec2::254")));
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy(dns).resolve("imds.test"));
    assertEquals(
        "Destination imds.test (fd00:ec2::254) is blocked: cloud metadata address", e.getMessage());
  }

  @Test
  void controlCharactersInTheHostCannotForgeLogLines() {
    String host = "evil.test\r\nINFO forged";
    FakeDns dns = new FakeDns(Map.of(host, addresses("169.254.169.254")));
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy(dns).resolve(host));
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    assertEquals(host, e.host());
  }

  @Test
  void blockedDestinationIsAnUnknownHostExceptionSoHttpClientPassesItThrough() {
    assertTrue(
        UnknownHostException.class.isAssignableFrom(DestinationBlockedException.class),
        "HttpClient rethrows UnknownHostException from its connect path unchanged");
  }

  @Test
  void privateAnswersFollowTheSetting() throws UnknownHostException {
    FakeDns dns = new FakeDns(Map.of("billing.internal", addresses("10.1.2.3")));
    assertArrayEquals(addresses("10.1.2.3"), policy(dns).resolve("billing.internal"));
    EgressPolicy strict = new EgressPolicy(false, false, List.of(), List.of(), dns);
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> strict.resolve("billing.internal"));
    assertEquals(EgressPolicy.PRIVATE_REFUSED, e.reason());
  }
}
