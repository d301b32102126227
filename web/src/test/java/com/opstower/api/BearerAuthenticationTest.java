package com.opstower.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.opstower.token.control.TokenService;
import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the token is taken from {@code Authorization: Bearer <token>} (docs/api.md "Authentication
 * and scopes"). The header parsing is {@code bearerValue}; the refusal (401) builds a JAX-RS
 * response, which needs a JAX-RS implementation this module's tests do not have, so only the
 * accepting path of the filter runs here.
 */
class BearerAuthenticationTest {

  /** A request that only has an Authorization header (or none), and records what was asked. */
  private static final class Request {
    final List<String> asked = new ArrayList<>();
    final Map<String, Object> properties = new HashMap<>();
    final ContainerRequestContext context;

    Request(String authorization) {
      context =
          (ContainerRequestContext)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ContainerRequestContext.class},
                  (proxy, method, args) -> {
                    asked.add(method.getName() + (args == null ? "" : List.of(args)));
                    return switch (method.getName()) {
                      case "getHeaderString" ->
                          "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                      case "setProperty" -> properties.put((String) args[0], args[1]);
                      case "getProperty" -> properties.get((String) args[0]);
                      default -> throw new AssertionError("not expected: " + method.getName());
                    };
                  });
    }
  }

  private static Optional<String> bearerValue(String authorization) {
    return BearerAuthentication.bearerValue(authorization);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Bearer otk_abc        | otk_abc",
        "bearer otk_abc        | otk_abc",
        "BEARER otk_abc        | otk_abc",
        "bEaReR otk_abc        | otk_abc",
        "\"Bearer  otk_abc\"   | otk_abc",
        "\"Bearer otk_abc  \"  | otk_abc",
        "\"Bearer \totk_abc\"  | otk_abc",
        "Bearer otk_a-b_c.d~+/= | otk_a-b_c.d~+/=",
        "Bearer two words      | two words"
      })
  void theSchemeIsMatchedIgnoringCaseAndTheValueIsTrimmed(String header, String value) {
    assertEquals(Optional.of(value), bearerValue(header));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Bearer",
        "Bearer ",
        "bearer",
        "Bearerotk_abc",
        "Bearer\totk_abc",
        " Bearer otk_abc",
        "Basic dXNlcjpwYXNz",
        "Token otk_abc",
        "otk_abc",
        "Bearer: otk_abc",
        "Bearer_otk_abc"
      })
  void anythingElseGivesNoToken(String header) {
    assertEquals(Optional.empty(), bearerValue(header));
  }

  /** Only spaces after the scheme: an empty value, which the token service never accepts. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"Bearer  ", "Bearer    \t "})
  void blankValuesGiveNoUsableToken(String header) {
    assertEquals("", bearerValue(header).orElse(""));
  }

  @Test
  void anAcceptedTokenLeavesItsCallerOnTheRequest() {
    ApiToken token =
        new ApiToken(
            "engine", EnumSet.of(Scope.AGENT), "hash", Instant.parse("2026-01-01T00:00:00Z"));
    List<String> presented = new ArrayList<>();
    BearerAuthentication filter = new BearerAuthentication();
    filter.tokens =
        new TokenService() {
          @Override
          public Optional<ApiToken> authenticate(String value) {
            presented.add(value);
            return Optional.of(token);
          }
        };
    Request request = new Request("bearer   otk_abc ");

    filter.filter(request.context);

    assertEquals(List.of("otk_abc"), presented);
    CallerToken caller =
        assertInstanceOf(CallerToken.class, request.properties.get(CallerToken.PROPERTY));
    assertEquals(token.id(), caller.tokenId());
    assertEquals(EnumSet.of(Scope.AGENT), caller.scopes());
    // the query string (access_token), cookies and the session are never looked at
    assertEquals(
        List.of("getHeaderString[Authorization]", "setProperty"),
        request.asked.stream().map(call -> call.replaceAll("\\[com.*", "")).toList());
  }
}
