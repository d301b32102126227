package com.opstower.token.boundary;

import static com.opstower.api.InputProblems.assertInvalidBody;
import static com.opstower.api.InputProblems.assertInvalidField;
import static com.opstower.api.InputProblems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opstower.problem.ProblemException;
import com.opstower.token.control.TokenService;
import com.opstower.token.entity.Scope;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The body of POST /api/v1/tokens (docs/api.md "API tokens") as {@link TokensResource} hands it to
 * the token service: {@code scopes} is checked here, the name by the service (its own tests).
 */
class TokenInputTest {

  /** Stops the call where the resource hands its input over: no token is issued. */
  private static final class HandedOver extends RuntimeException {
    final String name;
    final Set<Scope> scopes;
    final String agentId;

    HandedOver(String name, Set<Scope> scopes, String agentId) {
      super(null, null, false, false);
      this.name = name;
      this.scopes = scopes;
      this.agentId = agentId;
    }
  }

  private static TokensResource resource() {
    TokensResource resource = new TokensResource();
    resource.tokens =
        new TokenService() {
          @Override
          public IssuedToken create(String name, Set<Scope> scopes, String agentId) {
            throw new HandedOver(name, Set.copyOf(scopes), agentId);
          }
        };
    return resource;
  }

  private static HandedOver create(String singleQuotedJson) {
    return assertThrows(HandedOver.class, () -> resource().create(json(singleQuotedJson), null));
  }

  private static void assertRefused(String field, String singleQuotedJson) {
    assertInvalidField(field, () -> resource().create(json(singleQuotedJson), null));
  }

  @Test
  void readsTheDocumentedExample() {
    HandedOver input = create("{'name':'engine','scopes':['agent']}");
    assertEquals("engine", input.name);
    assertEquals(Set.of(Scope.AGENT), input.scopes);
  }

  @Test
  void bothScopesInEitherOrderAndRepeatedScopesAreOneSet() {
    assertEquals(
        EnumSet.allOf(Scope.class), create("{'name':'a','scopes':['admin','agent']}").scopes);
    assertEquals(
        EnumSet.allOf(Scope.class), create("{'name':'a','scopes':['agent','admin']}").scopes);
    assertEquals(
        Set.of(Scope.ADMIN), create("{'name':'a','scopes':['admin','admin','admin']}").scopes);
  }

  /** The service trims and checks the name; the resource passes it on as sent. */
  @Test
  void theNameIsPassedOnAsSentOrAsNullWhenAbsent() {
    assertEquals("  ci \t", create("{'name':'  ci \\t','scopes':['agent']}").name);
    assertEquals("", create("{'name':'','scopes':['agent']}").name);
    assertNull(create("{'scopes':['agent']}").name);
    assertNull(create("{'name':null,'scopes':['agent']}").name);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"{'name':'a'}", "{'name':'a','scopes':null}", "{'name':'a','scopes':[]}"})
  void scopesAreRequiredAndMayNotBeEmpty(String body) {
    ProblemException refused =
        assertInvalidField("scopes", () -> resource().create(json(body), null));
    assertEquals("Give 'scopes' as a non-empty array of: admin, agent.", refused.detail());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"['root']", "['Admin']", "['AGENT']", "[' agent']", "['']", "['agent','root']"})
  void anUnknownScopeIsRefusedEvenNextToAKnownOne(String scopes) {
    assertRefused("scopes", "{'name':'a','scopes':" + scopes + "}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "'agent'",
        "'admin,agent'",
        "1",
        "true",
        "{'agent':true}",
        "[1]",
        "[null]",
        "[['agent']]"
      })
  void scopesThatAreNoArrayOfStringsAreRefused(String scopes) {
    assertRefused("scopes", "{'name':'a','scopes':" + scopes + "}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"1", "true", "['engine']", "{'first':'engine'}"})
  void aNameThatIsNoStringIsRefused(String name) {
    assertRefused("name", "{'name':" + name + ",'scopes':['agent']}");
  }

  /** Unlike connections and agents, a token's answer members are not tolerated. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"scope", "id", "token", "createdAt", "expiresAt", "Name"})
  void anUnknownMemberIsRefusedByName(String member) {
    ProblemException refused =
        assertInvalidField(
            member,
            () ->
                resource()
                    .create(json("{'name':'a','scopes':['agent'],'" + member + "':'x'}"), null));
    assertFalse(refused.detail().contains("'x'"));
  }

  @Test
  void aBodyThatIsNoObjectIsRefused() {
    assertInvalidBody(
        "The request body must be a JSON object.",
        () -> resource().create(json("[{'name':'a','scopes':['agent']}]"), null));
    assertInvalidBody("Send a JSON object as the request body.", () -> resource().create("", null));
  }

  @Test
  void anAgentIdIsPassedOnAndABlankOneIsRefusedRatherThanUnbound() {
    assertEquals("a-1", create("{'name':'e','scopes':['agent'],'agentId':'a-1'}").agentId);
    assertNull(create("{'name':'e','scopes':['agent']}").agentId);
    assertNull(create("{'name':'e','scopes':['agent'],'agentId':null}").agentId);
    assertRefused("agentId", "{'name':'e','scopes':['agent'],'agentId':' '}");
    assertRefused("agentId", "{'name':'e','scopes':['agent'],'agentId':''}");
  }
}
