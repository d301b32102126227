package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.egress.control.EgressPolicy.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowDenyCidrsTest {

  private static final Verdict DENIED = new Verdict(false, "denied by opstower.egress.deny-cidrs");

  @Test
  void allowCidrsReopenLoopbackOnlyInsideTheBlock() {
    EgressPolicy policy = new EgressPolicy(false, false, List.of("127.0.0.1/32"), List.of());
    assertEquals(
        new Verdict(true, "allowed by opstower.egress.allow-cidrs"), policy.check(ip("127.0.0.1")));
    assertFalse(policy.check(ip("127.0.0.2")).allowed());
    assertFalse(policy.check(ip("::1")).allowed());
  }

  @Test
  void allowCidrsReopenOnePrivateNetworkWhilePrivateStaysOff() {
    EgressPolicy policy =
        new EgressPolicy(false, false, List.of("10.20.0.0/16", "fd12::/16"), List.of());
    assertTrue(policy.check(ip("10.20.30.40")).allowed());
    assertTrue(policy.check(ip("fd12::1")).allowed());
    assertFalse(policy.check(ip("10.21.0.1")).allowed());
    assertFalse(policy.check(ip("fd13::1")).allowed());
    assertFalse(policy.check(ip("192.168.1.1")).allowed());
  }

  @Test
  void denyCidrsRefusePublicAddresses() {
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), List.of("8.8.8.0/24"));
    assertEquals(DENIED, policy.check(ip("8.8.8.8")));
    assertTrue(policy.check(ip("8.8.4.4")).allowed());
  }

  @Test
  void denyCidrsRefusePrivateAddressesEvenWithAllowPrivate() {
    EgressPolicy policy =
        new EgressPolicy(true, true, List.of(), List.of("10.0.0.0/8", "fd00::/8", "127.0.0.2"));
    assertEquals(DENIED, policy.check(ip("10.1.1.1")));
    assertEquals(DENIED, policy.check(ip("fd00::1")));
    assertEquals(DENIED, policy.check(ip("127.0.0.2")));
    assertTrue(policy.check(ip("127.0.0.1")).allowed());
    assertTrue(policy.check(ip("172.16.0.1")).allowed());
  }

  @Test
  void denyBeatsAllowForTheSameBlock() {
    EgressPolicy policy =
        new EgressPolicy(false, false, List.of("10.0.0.0/8"), List.of("10.0.0.0/8"));
    assertEquals(DENIED, policy.check(ip("10.0.0.1")));
  }

  @Test
  void aNarrowerDenyCarvesAHoleInAWiderAllow() {
    EgressPolicy policy =
        new EgressPolicy(false, false, List.of("10.0.0.0/8"), List.of("10.1.0.0/16"));
    assertTrue(policy.check(ip("10.2.0.1")).allowed());
    assertEquals(DENIED, policy.check(ip("10.1.0.1")));
  }

  @Test
  void aNarrowerAllowDoesNotBeatAWiderDeny() {
    EgressPolicy policy =
        new EgressPolicy(true, false, List.of("10.1.0.0/16"), List.of("10.0.0.0/8"));
    assertEquals(DENIED, policy.check(ip("10.1.0.1")));
  }

  @Test
  void alwaysBlockedReasonWinsOverDenyCidrs() {
    EgressPolicy policy = new EgressPolicy(true, true, List.of(), List.of("169.254.0.0/16"));
    assertEquals(new Verdict(false, "cloud metadata address"), policy.check(ip("169.254.169.254")));
  }

  @Test
  void aMappedDenyBlockAppliesToTheIpv4Addresses() {
    EgressPolicy policy = new EgressPolicy(true, true, List.of(), List.of("::ffff:10.0.0.0/104"));
    assertEquals(DENIED, policy.check(ip("10.0.0.1")));
    Verdict mapped = policy.check(TestAddresses.mappedV6("10.0.0.1"));
    assertFalse(mapped.allowed());
    assertEquals(DENIED.reason() + "; 10.0.0.1 embedded in IPv4-mapped form", mapped.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "not-a-cidr", "10.0.0.1/8", "010.0.0.0/8", "1.2.3.4/"})
  void invalidAllowCidrIsRejectedNamingIt(String cidr) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EgressPolicy(true, false, List.of("10.0.0.0/8", cidr), List.of()));
    assertTrue(e.getMessage().contains(cidr), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1%eth0", "192.168.0.0/16 10.0.0.0/8", "*", "0x7f000001"})
  void invalidDenyCidrIsRejectedNamingIt(String cidr) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EgressPolicy(true, false, List.of(), List.of(cidr)));
    assertTrue(e.getMessage().contains(cidr), e.getMessage());
  }

  @Test
  void absentListsAndBlankEntriesMeanNothingExtra() {
    EgressPolicy policy =
        new EgressPolicy(false, false, null, Arrays.asList("", " ", null, "8.8.8.8"));
    assertFalse(policy.check(ip("10.0.0.1")).allowed());
    assertEquals(DENIED, policy.check(ip("8.8.8.8")));
    assertTrue(policy.check(ip("1.1.1.1")).allowed());
  }

  @Test
  void laterChangesToTheGivenListsDoNotChangeThePolicy() {
    List<String> deny = new java.util.ArrayList<>(List.of("8.8.8.8"));
    EgressPolicy policy = new EgressPolicy(true, false, List.of(), deny);
    deny.clear();
    deny.add("1.1.1.1");
    assertEquals(DENIED, policy.check(ip("8.8.8.8")));
    assertTrue(policy.check(ip("1.1.1.1")).allowed());
  }

  @Test
  void toStringShowsTheSettingsForTheStartupLog() {
    EgressPolicy policy =
        new EgressPolicy(true, false, List.of("10.0.0.0/8"), List.of("fd00:ec2::/32"));
    assertEquals(
        "EgressPolicy[allowPrivate=true, allowLoopback=false, allowCidrs=[10.0.0.0/8],"
            + " denyCidrs=[fd00:ec2::/32]]",
        policy.toString());
  }
}
