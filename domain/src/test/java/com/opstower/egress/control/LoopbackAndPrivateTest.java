package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackAndPrivateTest {

  private static EgressPolicy policy(boolean allowPrivate, boolean allowLoopback) {
    return new EgressPolicy(allowPrivate, allowLoopback, List.of(), List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.0", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1"})
  void loopbackIsRefusedUnlessAllowed(String address) {
    assertEquals(
        new Verdict(false, "loopback address (set opstower.egress.allow-loopback=true to allow)"),
        policy(true, false).check(ip(address)));
    assertTrue(policy(false, true).check(ip(address)).allowed());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.0",
        "172.20.1.1",
        "172.31.255.255",
        "192.168.0.0",
        "192.168.1.1",
        "192.168.255.255",
        "100.64.0.0",
        "100.100.100.100",
        "100.127.255.255",
        "fc00::",
        "fc00::1",
        "fd12:3456:789a::1",
        "fd00:ec2::253",
        "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
      })
  void privateRangesFollowAllowPrivate(String address) {
    assertEquals(
        new Verdict(false, "private address (opstower.egress.allow-private=false)"),
        policy(false, true).check(ip(address)));
    assertTrue(policy(true, false).check(ip(address)).allowed());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9.255.255.255",
        "11.0.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "8.8.8.8",
        "1.1.1.1",
        "2606:4700::1111",
        "2a00:1450:4001:80b::200e",
        "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
      })
  void publicAddressesAreAllowedByTheStrictestSettings(String address) {
    assertEquals(new Verdict(true, "public address"), policy(false, false).check(ip(address)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "fd00::1"})
  void allowingLoopbackDoesNotOpenPrivate(String address) {
    assertFalse(policy(false, true).check(ip(address)).allowed());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void allowingPrivateDoesNotOpenLoopback(String address) {
    assertFalse(policy(true, false).check(ip(address)).allowed());
  }
}
