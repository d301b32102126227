package com.opstower.execution.request;

import static com.opstower.execution.request.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionDetails;
import com.opstower.problem.ProblemCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection's policy applied to whole agent calls, in the order of the request rules. */
class PolicyCheckTest {

  private static final Connection READ_INVOICES =
      connection(List.of("GET"), List.of("/invoices", "/invoices/*", "/customers/**"));

  private static Connection connection(List<String> methods, List<String> paths) {
    return new Connection(
        new ConnectionDetails(
            "Billing",
            BaseUrl.parse("https://api.example.com/v1"),
            AuthType.NONE,
            null,
            null,
            null,
            CallPolicy.of(methods, paths)),
        null,
        Instant.now());
  }

  private static OutboundRequests.Prepared call(Connection connection, String method, String path) {
    return OutboundRequests.agentCall(
        connection, new AgentCall(method, path, Map.of(), Map.of(), null), 1024);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/invoices",
        "/invoices/",
        "invoices/7",
        "/invoices/%37",
        "/customers",
        "/customers/1/notes"
      })
  void allowedPathsGoOut(String path) {
    assertTrue(
        call(READ_INVOICES, "GET", path)
            .request()
            .uri()
            .toString()
            .startsWith("https://api.example.com/v1/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "", "/invoices42", "/invoices/7/lines", "/Invoices", "/customersX", "/admin"})
  void otherPathsAreRefusedNamingThePatterns(String path) {
    String detail =
        assertProblem(ProblemCode.PATH_NOT_ALLOWED, () -> call(READ_INVOICES, "GET", path))
            .detail();
    assertTrue(detail.contains("/invoices, /invoices/*, /customers/**"), detail);
  }

  @Test
  void aMethodTheConnectionDoesNotAllowIsRefusedFirst() {
    // refused for its method even though its path would be refused too
    String detail =
        assertProblem(ProblemCode.INVALID_METHOD, () -> call(READ_INVOICES, "DELETE", "/admin"))
            .detail();
    assertEquals("This connection does not allow DELETE; it allows GET.", detail);
  }

  @Test
  void thePathRulesStillComeFirst() {
    // a traversal is refused by the path rules, whatever the patterns say
    String detail =
        assertProblem(
                ProblemCode.PATH_NOT_ALLOWED,
                () -> call(connection(null, List.of("/**")), "GET", "/a/../b"))
            .detail();
    assertTrue(detail.contains("'.' or '..'"), detail);
  }

  @Test
  void theDefaultPolicyAllowsEverything() {
    Connection open = connection(null, null);
    for (String method : CallPolicy.METHODS) {
      assertEquals(method, call(open, method, "/any/thing").request().method().name());
    }
  }
}
