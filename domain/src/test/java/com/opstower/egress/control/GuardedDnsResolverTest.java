package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolver on its own; GuardedDnsResolverHttpClientTest runs it inside HttpClient. */
class GuardedDnsResolverTest {

  @Test
  void resolveReturnsWhatThePolicyReturns() throws UnknownHostException {
    InetAddress[] answer = {ip("8.8.8.8"), ip("2606:4700::1111")};
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of(), host -> answer);
    assertArrayEquals(answer, new GuardedDnsResolver(policy).resolve("api.example.com"));
  }

  @Test
  void canonicalHostnameIsTheHostWithoutAnyLookup() {
    HostLookup noDns =
        host -> {
          throw new AssertionError("no lookup expected");
        };
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of(), noDns);
    assertEquals(
        "api.example.com",
        new GuardedDnsResolver(policy).resolveCanonicalHostname("api.example.com"));
  }

  @Test
  void blockedAnswersSurfaceAsDestinationBlocked() {
    EgressPolicy policy =
        new EgressPolicy(
            true, true, List.of(), List.of(), host -> new InetAddress[] {ip("169.254.169.254")});
    DestinationBlockedException e =
        assertThrows(
            DestinationBlockedException.class,
            () -> new GuardedDnsResolver(policy).resolve("metadata.test"));
    assertEquals("cloud metadata address", e.reason());
  }

  @Test
  void dnsFailuresSurfaceAsUnknownHost() {
    UnknownHostException failure = new UnknownHostException("simulated NXDOMAIN");
    HostLookup failing =
        host -> {
          throw failure;
        };
    EgressPolicy policy = new EgressPolicy(true, true, List.of(), List.of(), failing);
    assertSame(
        failure,
        assertThrows(
            UnknownHostException.class, () -> new GuardedDnsResolver(policy).resolve("x.test")));
  }
}
