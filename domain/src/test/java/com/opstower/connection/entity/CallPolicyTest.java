package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

  @Test
  void theDefaultAllowsEveryMethodAndPath() {
    CallPolicy any = CallPolicy.of(null, null);
    assertEquals(CallPolicy.any(), any);
    assertEquals(List.of("GET", "POST", "PUT", "PATCH", "DELETE"), any.methods());
    assertTrue(any.allowsAnyPath());
    assertTrue(any.allowsPath(List.of("any", "where")));
    assertTrue(any.allowsEveryMethod());
    assertFalse(any.isReadOnly());
    assertEquals(any, CallPolicy.of(null, List.of()), "no patterns is any path");
  }

  @Test
  void methodsAreKeptInTheirUsualOrderOnce() {
    CallPolicy policy = CallPolicy.of(List.of("DELETE", "GET", "GET"), null);
    assertEquals(List.of("GET", "DELETE"), policy.methods());
    assertTrue(policy.allowsMethod("DELETE"));
    assertFalse(policy.allowsMethod("POST"));
    assertTrue(CallPolicy.of(List.of("GET"), null).isReadOnly());
  }

  @Test
  void methodsMustBeANonEmptySubsetInUpperCase() {
    assertNotNull(CallPolicy.methodsProblem(List.of()));
    assertNotNull(CallPolicy.methodsProblem(List.of("get")));
    assertNotNull(CallPolicy.methodsProblem(List.of("HEAD")));
    assertNotNull(CallPolicy.methodsProblem(Arrays.asList("GET", null)));
    assertNull(CallPolicy.methodsProblem(List.of("PATCH")));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> CallPolicy.of(List.of("TRACE"), null));
    assertTrue(refused.getMessage().contains("\"TRACE\""), refused.getMessage());
  }

  @Test
  void atMostFiftyValidPatterns() {
    List<String> fifty = new ArrayList<>();
    IntStream.range(0, 50).forEach(i -> fifty.add("/p" + i + "/*"));
    assertNull(CallPolicy.pathsProblem(fifty));
    fifty.add("/one-more");
    assertTrue(CallPolicy.pathsProblem(fifty).contains("50"));
    assertTrue(CallPolicy.pathsProblem(List.of("/ok", "bad")).contains("bad"));
  }

  @Test
  void aPathIsAllowedWhenAnyPatternMatches() {
    CallPolicy policy = CallPolicy.of(List.of("GET"), List.of("/invoices", "/invoices/*"));
    assertTrue(policy.allowsPath(List.of("invoices")));
    assertTrue(policy.allowsPath(List.of("invoices", "7")));
    assertFalse(policy.allowsPath(List.of("invoices", "7", "lines")));
    assertFalse(policy.allowsPath(List.of()));
  }

  @Test
  void theColumnsGiveTheSamePolicyBack() {
    CallPolicy policy =
        CallPolicy.of(List.of("PUT", "GET"), List.of("/invoices/*", "/customers/**"));
    CallPolicy read = CallPolicy.fromColumns(policy.methodsColumn(), policy.pathsColumn());
    assertEquals(policy, read);
    assertEquals(List.of("/invoices/*", "/customers/**"), read.paths());
    assertEquals("GET,PUT", policy.methodsColumn());
    assertNull(CallPolicy.any().pathsColumn());
    assertEquals(CallPolicy.any(), CallPolicy.fromColumns("GET,POST,PUT,PATCH,DELETE", null));
  }
}
