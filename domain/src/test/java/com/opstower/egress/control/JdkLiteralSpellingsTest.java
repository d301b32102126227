package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real JVM lookup on address literals (and "localhost"), which it parses without DNS. Whatever
 * spelling an agent or admin uses, the address the JDK produces is the one judged and connected to.
 * Expectations recorded for JDK 17.
 */
class JdkLiteralSpellingsTest {

  private final EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of());

  @ParameterizedTest
  @CsvSource({
    "2130706433, 127.0.0.1", // a single decimal number is a whole IPv4 address
    "127.1, 127.0.0.1", // a.b: b fills the last three bytes
    "127.0.1, 127.0.0.1", // a.b.c: c fills the last two bytes
    "127.000.000.001, 127.0.0.1", // leading zeros are decimal, not octal
    "::ffff:127.0.0.1, 127.0.0.1", // the JDK turns IPv4-mapped into an Inet4Address
    "0:0:0:0:0:ffff:7f00:1, 127.0.0.1",
    "[::ffff:7f00:1], 127.0.0.1",
    "::127.0.0.1, ::7f00:1", // IPv4-compatible stays IPv6 and is decoded by the policy
    "[::1], ::1",
    "0, 0.0.0.0",
    "00, 0.0.0.0",
    "4294967295, 255.255.255.255",
    "2852039166, 169.254.169.254",
    "169.16689662, 169.254.169.254",
    "[::ffff:a9fe:a9fe], 169.254.169.254",
  })
  void numericSpellingsAreJudgedAsTheAddressTheJdkParses(String host, String parsed) {
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy.resolve(host));
    assertEquals(ip(parsed), e.address());
  }

  @Test
  void aLeadingZeroIsDecimalForTheJdkSoTheCheckedAddressIsTheConnectedOne()
      throws UnknownHostException {
    // A BSD inet_aton would read 0177 as octal 127; the JDK reads 177 and connects there.
    assertArrayEquals(new InetAddress[] {ip("177.0.0.1")}, policy.resolve("0177.0.0.1"));
    assertArrayEquals(new InetAddress[] {ip("8.8.8.8")}, policy.resolve("08.8.8.8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0x7f.0.0.1", "0x7f000001", "017700000001", "0x7F.1", "0xa9.0xfe.0xa9.0xfe"})
  void hexAndLongOctalSpellingsAreRejectedByTheJdkAsAmbiguous(String host) {
    // The JDK refuses these BSD-style forms itself (no DNS query), so they never reach a socket.
    UnknownHostException e = assertThrows(UnknownHostException.class, () -> policy.resolve(host));
    assertFalse(e instanceof DestinationBlockedException, e.getMessage());
  }

  @Test
  void localhostIsRefusedUnlessLoopbackIsAllowed() throws UnknownHostException {
    DestinationBlockedException e =
        assertThrows(DestinationBlockedException.class, () -> policy.resolve("localhost"));
    assertEquals(EgressPolicy.LOOPBACK_REFUSED, e.reason());

    EgressPolicy loopbackAllowed = new EgressPolicy(false, true, List.of(), List.of());
    InetAddress[] resolved = loopbackAllowed.resolve("localhost");
    assertTrue(resolved.length > 0);
    for (InetAddress address : resolved) {
      assertTrue(address.isLoopbackAddress(), address.toString());
    }
  }

  @Test
  void publicLiteralsResolveToThemselves() throws UnknownHostException {
    assertArrayEquals(new InetAddress[] {ip("1.1.1.1")}, policy.resolve("1.1.1.1"));
    assertArrayEquals(
        new InetAddress[] {ip("2606:4700::1111")}, policy.resolve("[2606:4700::1111]"));
  }
}
