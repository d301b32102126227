package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static com.opstower.egress.control.TestAddresses.v6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy.Verdict;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IPv6 transition addresses are judged by the IPv4 address they lead to. */
class EmbeddedIpv4FormsTest {

  private static final List<String> FORMS =
      List.of(
          "IPv4-mapped",
          "IPv4-compatible",
          "IPv4-translated",
          "NAT64",
          "NAT64 local-use",
          "6to4",
          "Teredo");

  /** Builds the IPv6 form of {@code ipv4} as raw bytes, so the JDK cannot normalise it away. */
  static InetAddress embed(String form, String ipv4) {
    byte[] v4 = ip(ipv4).getAddress();
    byte[] b = new byte[16];
    int at = 12;
    switch (form) {
      case "IPv4-mapped" -> b[10] = b[11] = (byte) 0xff;
      case "IPv4-compatible" -> {}
      case "IPv4-translated" -> b[8] = b[9] = (byte) 0xff;
      case "NAT64" -> prefix(b, 0x00, 0x64, 0xff, 0x9b);
      case "NAT64 local-use" -> prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01);
      case "6to4" -> {
        prefix(b, 0x20, 0x02);
        at = 2;
        b[15] = 1; // interface id ::1 of the site
      }
      case "Teredo" -> {
        // server 65.54.227.120 (public), cone flag, obfuscated port, then the inverted client.
        prefix(b, 0x20, 0x01, 0x00, 0x00, 65, 54, 227, 120, 0x80, 0x00, 0x63, 0xbf);
        for (int i = 0; i < 4; i++) {
          v4[i] = (byte) ~v4[i];
        }
      }
      default -> throw new IllegalArgumentException(form);
    }
    System.arraycopy(v4, 0, b, at, 4);
    return v6(b);
  }

  private static void prefix(byte[] b, int... values) {
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
  }

  static Stream<Arguments> refusedTargets() {
    return FORMS.stream()
        .flatMap(
            form ->
                Stream.of(
                    Arguments.of(form, "169.254.169.254", AddressRanges.CLOUD_METADATA),
                    Arguments.of(form, "169.254.1.1", AddressRanges.LINK_LOCAL),
                    Arguments.of(form, "127.0.0.1", EgressPolicy.LOOPBACK_REFUSED),
                    Arguments.of(form, "10.0.0.1", EgressPolicy.PRIVATE_REFUSED),
                    Arguments.of(form, "192.168.1.1", EgressPolicy.PRIVATE_REFUSED),
                    Arguments.of(form, "100.100.100.200", AddressRanges.CLOUD_METADATA)));
  }

  @ParameterizedTest(name = "{1} in {0} form")
  @MethodSource("refusedTargets")
  void judgesTheEmbeddedIpv4(String form, String ipv4, String reason) {
    Verdict verdict = TestAddresses.strict().check(embed(form, ipv4));
    assertEquals(
        new Verdict(false, reason + "; " + ipv4 + " embedded in " + form + " form"), verdict);
  }

  static Stream<String> forms() {
    return FORMS.stream();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void metadataStaysBlockedWhenEverythingElseIsOpen(String form) {
    Verdict verdict = TestAddresses.wideOpen().check(embed(form, "169.254.169.254"));
    assertFalse(verdict.allowed());
    assertTrue(verdict.reason().startsWith(AddressRanges.CLOUD_METADATA), verdict.reason());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void embeddedLoopbackAndPrivateFollowTheSettings(String form) {
    EgressPolicy open = new EgressPolicy(true, true, List.of(), List.of());
    assertTrue(open.check(embed(form, "127.0.0.1")).allowed());
    assertTrue(open.check(embed(form, "10.0.0.1")).allowed());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void embeddedPublicAddressesAreAllowed(String form) {
    Verdict verdict = TestAddresses.strict().check(embed(form, "8.8.8.8"));
    assertTrue(verdict.allowed(), verdict.reason());
    assertTrue(verdict.reason().startsWith("public address; 8.8.8.8"), verdict.reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::ffff:169.254.169.254",
        "::ffff:a9fe:a9fe",
        "0:0:0:0:0:ffff:a9fe:a9fe",
        "::169.254.169.254",
        "::ffff:0:169.254.169.254",
        "64:ff9b::169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::a9fe:a9fe",
        "2002:a9fe:a9fe::",
        "2002:a9fe:a9fe:1234:5678::1",
        "2001:0:4136:e378:8000:63bf:5601:5601",
      })
  void textualTransitionFormsOfTheMetadataAddressAreRefused(String literal) {
    Verdict verdict = TestAddresses.wideOpen().check(ip(literal));
    assertEquals(false, verdict.allowed(), literal);
    assertTrue(verdict.reason().startsWith(AddressRanges.CLOUD_METADATA), verdict.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::"})
  void textualTransitionFormsOfLoopbackAreRefused(String literal) {
    Verdict verdict = TestAddresses.defaults().check(ip(literal));
    assertFalse(verdict.allowed(), literal);
    assertTrue(verdict.reason().startsWith(EgressPolicy.LOOPBACK_REFUSED), verdict.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
  void textualTransitionFormsOfPrivateAddressesFollowAllowPrivate(String literal) {
    assertFalse(TestAddresses.strict().check(ip(literal)).allowed(), literal);
    assertTrue(TestAddresses.defaults().check(ip(literal)).allowed(), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"::2", "::0.0.0.2", "::ffff:0.0.0.0", "::ffff:0:0", "::0.255.255.255"})
  void transitionFormsOfThisNetworkAreRefused(String literal) {
    Verdict verdict = TestAddresses.wideOpen().check(ip(literal));
    assertFalse(verdict.allowed(), literal);
    assertTrue(verdict.reason().contains("this network"), verdict.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:255.255.255.255", "64:ff9b::ffff:ffff", "2002:e000:1::"})
  void transitionFormsOfBroadcastAndMulticastAreRefused(String literal) {
    assertFalse(TestAddresses.wideOpen().check(ip(literal)).allowed(), literal);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void ipv6LoopbackIsLoopbackNotAnIpv4CompatibleForm(boolean allowLoopback) {
    EgressPolicy policy = new EgressPolicy(true, allowLoopback, List.of(), List.of());
    Verdict verdict = policy.check(ip("::1"));
    assertEquals(allowLoopback, verdict.allowed());
    if (!allowLoopback) {
      assertEquals(EgressPolicy.LOOPBACK_REFUSED, verdict.reason());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"::", "::0"})
  void unspecifiedIpv6IsNotAnIpv4CompatibleForm(String literal) {
    assertEquals(
        new Verdict(false, "unspecified address"), TestAddresses.wideOpen().check(ip(literal)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::ffff:ffff"})
  void teredoClientIsDeobfuscatedBeforeJudging(String literal) {
    // RFC 4380's example client 192.0.2.45 (documentation range); 2001::ffff:ffff hides 0.0.0.0.
    Verdict verdict = TestAddresses.wideOpen().check(ip(literal));
    assertFalse(verdict.allowed(), literal);
    assertTrue(verdict.reason().contains("embedded in Teredo form"), verdict.reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2001:0:a9fe:a9fe:8000:63bf:f7f7:f7f7", "2001:0:a00:1:8000:63bf:f7f7:f7f7"})
  void teredoServerIsJudgedToo(String literal) {
    // Client 8.8.8.8 (public); server 169.254.169.254 or 10.0.0.1.
    assertFalse(TestAddresses.strict().check(ip(literal)).allowed(), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"64:ff9b:1:a9fe:a9:fe00::", "64:ff9b:1:0:1::a9fe:a9fe", "64:ff9b:1:1::"})
  void localUseNat64WithAShorterPrefixIsRefusedBecauseItsIpv4CannotBeLocated(String literal) {
    Verdict verdict = TestAddresses.wideOpen().check(ip(literal));
    assertEquals(
        new Verdict(
            false, "NAT64 local-use address whose embedded IPv4 address cannot be determined"),
        verdict);
  }

  @ParameterizedTest
  @ValueSource(strings = {"64:ff9a:ffff:ffff:ffff:ffff:a9fe:a9fe", "2003:a9fe:a9fe::", "2001:1::1"})
  void addressesNextToTheTransitionPrefixesAreNotDecoded(String literal) {
    Verdict verdict = TestAddresses.strict().check(ip(literal));
    assertEquals(new Verdict(true, "public address"), verdict, literal);
  }

  @org.junit.jupiter.api.Test
  void denyCidrsMatchTheIpv6FormAsWellAsTheEmbeddedIpv4() {
    EgressPolicy denySixToFour = new EgressPolicy(true, true, List.of(), List.of("2002::/16"));
    assertEquals(
        new Verdict(false, EgressPolicy.DENIED_BY_CONFIG),
        denySixToFour.check(embed("6to4", "8.8.8.8")));

    EgressPolicy denyTen = new EgressPolicy(true, true, List.of(), List.of("10.0.0.0/8"));
    assertFalse(denyTen.check(TestAddresses.mappedV6("10.1.2.3")).allowed());
    assertFalse(denyTen.check(embed("NAT64", "10.1.2.3")).allowed());
    assertTrue(denyTen.check(embed("NAT64", "11.1.2.3")).allowed());
  }

  @org.junit.jupiter.api.Test
  void allowCidrsReopenAnEmbeddedLoopbackAddress() {
    EgressPolicy policy = new EgressPolicy(false, false, List.of("127.0.0.1/32"), List.of());
    assertTrue(policy.check(embed("NAT64", "127.0.0.1")).allowed());
    assertFalse(policy.check(embed("NAT64", "127.0.0.2")).allowed());
  }
}
