package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

  /** The decoded segments of a path as the path rules hand them over: "/a/b" → [a, b]. */
  private static List<String> path(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  @ParameterizedTest(name = "{0} ~ {1} → {2}")
  @CsvSource({
    // literal segments, segment by segment
    "/invoices, /invoices, true",
    "/invoices, /invoices/, true",
    "/invoices/, /invoices, true",
    "/invoices, /invoices/1, false",
    "/invoices, /invoice, false",
    "/invoices, /Invoices, false",
    "/invoices, /, false",
    // * is exactly one segment
    "/users/*, /users/42, true",
    "/users/*, /users42, false",
    "/users/*, /users, false",
    "/users/*, /users/42/keys, false",
    "/users/*/keys, /users/42/keys, true",
    "/users/*/keys, /users/42/secrets, false",
    "/*, /anything, true",
    "/*, /, false",
    // ** is zero or more segments
    "/customers/**, /customers, true",
    "/customers/**, /customers/7, true",
    "/customers/**, /customers/7/orders/9, true",
    "/customers/**, /customersX, false",
    "/customers/**, /other/customers, false",
    "/**, /, true",
    "/**, /a/b/c, true",
    "/a/**/z, /a/z, true",
    "/a/**/z, /a/b/c/z, true",
    "/a/**/z, /a/b/c, false",
    "/a/**/*/z, /a/z, false",
    "/a/**/*/z, /a/b/z, true",
    "/**/reports, /x/y/reports, true",
    // the base path itself
    "/, /, true",
    "/, /x, false",
  })
  void matchesSegmentBySegment(String pattern, String path, boolean allowed) {
    assertEquals(allowed, PathPattern.parse(pattern).matches(path(path)));
  }

  @ParameterizedTest
  @CsvSource({"/%7Bid%7D, {id}", "/caf%C3%A9, café", "/a%20b, a b"})
  void escapesInAPatternAreCompared(String pattern, String segment) {
    assertTrue(PathPattern.parse(pattern).matches(List.of(segment)));
    assertFalse(PathPattern.parse(pattern).matches(List.of(pattern.substring(1))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "invoices",
        "/reports*",
        "/*.json",
        "/a/***",
        "/a//b",
        "/a/../b",
        "/a/./b",
        "/a?b=1",
        "/a#top",
        "/a\\b",
        "/a b",
        "/a\tb",
        "/a%2Fb",
        "/a%zz",
        "/a%C3",
      })
  void invalidPatternsAreRefusedWithAReason(String pattern) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
    assertFalse(refused.getMessage().isBlank());
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201})
  void patternsHaveALengthLimit(int length) {
    String pattern = "/" + "a".repeat(length - 1);
    if (length <= PathPattern.MAX_LENGTH) {
      assertEquals(pattern, PathPattern.parse(pattern).text());
    } else {
      assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
    }
  }

  /** Backtracking over 40 ** and 60 segments would not end in any test run: this must. */
  @ParameterizedTest
  @ValueSource(ints = {1, 20, 40})
  @Timeout(10)
  void manyDoubleStarsDoNotBacktrack(int stars) {
    PathPattern pattern = PathPattern.parse("/x" + "/**".repeat(stars) + "/y");
    assertFalse(pattern.matches(path("/x" + "/a".repeat(60) + "/b")));
    assertTrue(pattern.matches(path("/x" + "/a".repeat(60) + "/y")));
  }

  @org.junit.jupiter.api.Test
  void anEncodedStarIsALiteralStarNotAWildcard() {
    PathPattern literal = PathPattern.parse("/files/%2A");
    assertTrue(literal.matches(List.of("files", "*")));
    assertFalse(literal.matches(List.of("files", "report")));
    assertFalse(PathPattern.parse("/a/%2A%2A").matches(List.of("a", "b", "c")));
  }
}
