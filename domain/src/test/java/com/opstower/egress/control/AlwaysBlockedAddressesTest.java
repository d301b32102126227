package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranges no configuration can open: checked against the widest policy there is. */
class AlwaysBlockedAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "169.254.169.254, cloud metadata address",
    "169.254.170.2, cloud metadata address",
    "100.100.100.200, cloud metadata address",
    "fd00:ec2::254, cloud metadata address",
    "192.0.0.192, cloud metadata address",
    "168.63.129.16, cloud metadata address",
    "169.254.0.0, link-local address",
    "169.254.0.1, link-local address",
    "169.254.255.255, link-local address",
    "fe80::, link-local address",
    "fe80::1, link-local address",
    "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, link-local address",
    "0.0.0.0, this network",
    "0.1.2.3, this network",
    "0.255.255.255, this network",
    "::, unspecified address",
    "0:0:0:0:0:0:0:0, unspecified address",
    "255.255.255.255, broadcast address",
    "224.0.0.0, multicast address",
    "224.0.0.1, multicast address",
    "239.255.255.250, multicast address",
    "ff02::1, multicast address",
    "ff05::1:3, multicast address",
    "ff0e::1, multicast address",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, multicast address",
    "240.0.0.1, reserved address (240.0.0.0/4)",
    "255.255.255.254, reserved address (240.0.0.0/4)",
    "192.0.0.0, IETF protocol assignments",
    "192.0.0.8, IETF protocol assignments",
    "192.0.0.255, IETF protocol assignments",
    "192.0.2.1, TEST-NET-1",
    "198.51.100.7, TEST-NET-2",
    "203.0.113.255, TEST-NET-3",
    "198.18.0.0, benchmarking",
    "198.19.255.255, benchmarking",
    "192.88.99.1, 6to4 relay anycast",
    "100::1, discard-only",
    "2001:2::1, benchmarking",
    "2001:10::1, ORCHID",
    "2001:20::1, ORCHIDv2",
    "2001:db8::1, documentation",
    "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, documentation",
    "3fff::1, documentation",
    "5f00::1, SRv6",
    "fec0::1, site-local",
  })
  void refusedWhateverTheConfiguration(String address, String reasonFragment) {
    for (EgressPolicy policy :
        new EgressPolicy[] {
          TestAddresses.wideOpen(), TestAddresses.defaults(), TestAddresses.strict()
        }) {
      Verdict verdict = policy.check(ip(address));
      assertFalse(verdict.allowed(), address + " under " + policy);
      assertTrue(verdict.reason().contains(reasonFragment), verdict.reason());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "100.100.100.200"})
  void metadataAddressesGiveTheExactReasonEvenInsideAllowedPrivateRanges(String address) {
    assertEquals(
        new Verdict(false, "cloud metadata address"), TestAddresses.wideOpen().check(ip(address)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.253.255.255",
        "169.255.0.0",
        "1.0.0.0",
        "223.255.255.255",
        "198.17.255.255",
        "198.20.0.0",
        "192.0.1.0",
        "192.0.3.0",
        "203.0.112.255",
        "203.0.114.0",
        "100.100.100.199",
        "100.100.100.201",
        "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "2001:db9::1",
        "2001:db7:ffff::1",
      })
  void neighboursJustOutsideTheBlocksAreAllowedWhenOpened(String address) {
    assertTrue(TestAddresses.wideOpen().check(ip(address)).allowed(), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254/32", "169.254.0.0/16", "0.0.0.0/0", "224.0.0.0/4"})
  void allowCidrsCannotReopenThem(String allowCidr) {
    EgressPolicy policy =
        new EgressPolicy(true, true, java.util.List.of(allowCidr), java.util.List.of());
    assertFalse(policy.check(ip("169.254.169.254")).allowed());
    assertFalse(policy.check(ip("224.0.0.1")).allowed());
  }
}
