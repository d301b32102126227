package com.opstower.egress.control;

import static com.opstower.egress.control.TestAddresses.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.0.0.0, true",
    "10.0.0.0/8, 10.255.255.255, true",
    "10.0.0.0/8, 9.255.255.255, false",
    "10.0.0.0/8, 11.0.0.0, false",
    "172.16.0.0/12, 172.31.255.255, true",
    "172.16.0.0/12, 172.32.0.0, false",
    "100.64.0.0/10, 100.127.255.255, true",
    "100.64.0.0/10, 100.128.0.0, false",
    "0.0.0.0/0, 203.0.113.9, true",
    "192.168.1.7, 192.168.1.7, true",
    "192.168.1.7, 192.168.1.8, false",
    "fc00::/7, fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
    "fc00::/7, fe00::, false",
    "fc00::/7, fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false",
    "fe80::/10, febf::1, true",
    "fe80::/10, fec0::1, false",
    "::/0, 2606:4700::1111, true",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
  })
  void containsExactlyTheBlock(String cidr, String address, boolean expected) {
    assertEquals(expected, Cidr.parse(cidr).contains(ip(address).getAddress()));
  }

  @Test
  void anIpv4BlockNeverContainsAnIpv6AddressAndViceVersa() {
    assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("::1").getAddress()));
    assertFalse(Cidr.parse("::/0").contains(ip("127.0.0.1").getAddress()));
  }

  @Test
  void aBareAddressIsABlockOfOne() {
    assertEquals(32, Cidr.parse("8.8.8.8").prefixLength());
    assertEquals(128, Cidr.parse("2606:4700::1111").prefixLength());
  }

  @Test
  void anIpv4MappedBlockBecomesItsIpv4Block() {
    Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104").asIpv4IfMapped();
    assertEquals(Cidr.parse("10.0.0.0/8"), mapped);
    assertTrue(mapped.contains(ip("10.9.9.9").getAddress()));
    assertEquals(Cidr.parse("::/0"), Cidr.parse("::/0").asIpv4IfMapped());
    assertEquals(Cidr.parse("::fffe:0:0/95"), Cidr.parse("::fffe:0:0/95").asIpv4IfMapped());
  }

  @Test
  void parsingKeepsAMappedBlockAsIpv6() {
    Cidr mappedPrefix = Cidr.parse("::ffff:0:0/96");
    assertEquals(96, mappedPrefix.prefixLength());
    assertTrue(mappedPrefix.contains(TestAddresses.mappedV6("8.8.8.8").getAddress()));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("  10.0.0.0/8 "));
  }

  @Test
  void printsCompressedForm() {
    assertEquals("fd00:ec2::254/128", Cidr.parse("fd00:ec2:0:0:0:0:0:254").toString());
    assertEquals("10.0.0.0/8", Cidr.parse("10.0.0.0/8").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "example.com",
        "10.0.0.0/33",
        "::/129",
        "10.0.0.0/",
        "/8",
        "10.0.0.0/-1",
        "10.0.0.0/08",
        "010.0.0.0/8",
        "0x0a.0.0.0/8",
        "10.0.0/8",
        "10/8",
        "167772160/8",
        "10.0.0.0/255.0.0.0",
        "10.0.0.*",
        "10.0.0.0-10.0.0.5",
        "10.0.0.0 /8",
        "1.2.3.4.5",
        "256.0.0.0/8",
        "fe80::1%eth0",
        "ffff::g",
        "1:2:3:4:5:6:7:8:9",
        "10.1.2.3/8",
        "fd00::1/8",
        "10.0.0.0/8,192.168.0.0/16",
      })
  void rejectsInvalidTextNamingIt(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
  }

  @Test
  void rejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse(null));
  }
}
