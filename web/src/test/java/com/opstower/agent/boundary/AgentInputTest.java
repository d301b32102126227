package com.opstower.agent.boundary;

import static com.opstower.api.InputProblems.assertInvalidBody;
import static com.opstower.api.InputProblems.assertInvalidField;
import static com.opstower.api.InputProblems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opstower.agent.control.AgentDraft;
import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code AgentInput} of POST and PUT /api/v1/agents (docs/api.md "Agents") as {@link
 * AgentsResource} hands it to the agent service, which checks name, type and description (its own
 * tests).
 */
class AgentInputTest {

  /** Stops the call where the resource hands its input over: nothing is stored. */
  private static final class HandedOver extends RuntimeException {
    final String id;
    final AgentDraft draft;

    HandedOver(String id, AgentDraft draft) {
      super(null, null, false, false);
      this.id = id;
      this.draft = draft;
    }
  }

  private static AgentsResource resource() {
    AgentsResource resource = new AgentsResource();
    resource.agents =
        new AgentService() {
          @Override
          public Agent create(AgentDraft draft) {
            throw new HandedOver(null, draft);
          }

          @Override
          public Agent update(String id, AgentDraft draft) {
            throw new HandedOver(id, draft);
          }
        };
    return resource;
  }

  private static AgentDraft create(String singleQuotedJson) {
    return assertThrows(HandedOver.class, () -> resource().create(json(singleQuotedJson), null))
        .draft;
  }

  @Test
  void readsNameTypeAndDescription() {
    assertEquals(
        new AgentDraft("billing-analyst", "analyst", "Reads invoices."),
        create("{'name':'billing-analyst','type':'analyst','description':'Reads invoices.'}"));
  }

  @Test
  void anAbsentOrNullDescriptionIsNull() {
    assertNull(create("{'name':'a','type':'custom'}").description());
    assertNull(create("{'name':'a','type':'custom','description':null}").description());
  }

  /** The service trims and checks; the resource passes the text on exactly as sent. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'name':'  Pat  ','type':'Analyst','description':'  '} | '  Pat  ' | Analyst | '  '",
        "{'name':'','type':'','description':''}                 | ''        | ''      | ''",
        "{'type':'debugger'}                                    |           | debugger |"
      })
  void valuesArePassedOnAsSent(String body, String name, String type, String description) {
    AgentDraft draft = create(body);
    assertEquals(unquote(name), draft.name());
    assertEquals(unquote(type), draft.type());
    assertEquals(unquote(description), draft.description());
  }

  private static String unquote(String value) {
    return value == null ? null : value.replace("'", "");
  }

  @Test
  void anUpdateReadsTheSameInputForTheGivenAgent() {
    HandedOver handedOver =
        assertThrows(
            HandedOver.class,
            () -> resource().update("5c1", json("{'name':'n','type':'product_manager'}")));
    assertEquals("5c1", handedOver.id);
    assertEquals(new AgentDraft("n", "product_manager", null), handedOver.draft);
  }

  /** "So that a client can send back what it read": the documented {@code Agent} answer. */
  @Test
  void theReadOnlyMembersOfTheAnswerAreToleratedAndIgnored() {
    assertEquals(
        new AgentDraft("billing-analyst", "analyst", null),
        create(
            "{'id':'5c1','name':'billing-analyst','type':'analyst','description':null,"
                + "'connectionIds':['0b7e'],'createdAt':'2026-12-01T10:18:56Z',"
                + "'updatedAt':'2026-12-01T10:18:56Z'}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'name':7,'type':'analyst'}                          | name",
        "{'name':['a'],'type':'analyst'}                      | name",
        "{'name':'a','type':true}                             | type",
        "{'name':'a','type':{'wire':'analyst'}}               | type",
        "{'name':'a','type':'analyst','description':['x']}    | description",
        "{'name':'a','type':'analyst','description':0}        | description"
      })
  void aMemberOfTheWrongTypeIsRefusedByName(String body, String field) {
    assertInvalidField(field, () -> resource().create(json(body), null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"connections", "Name", "kind", "enabled", "connectionId"})
  void anUnknownMemberIsRefusedByName(String member) {
    assertInvalidField(
        member,
        () -> resource().create(json("{'name':'a','type':'analyst','" + member + "':[]}"), null));
  }

  @Test
  void aBodyThatIsNoObjectIsRefused() {
    assertInvalidBody(
        "The request body must be a JSON object.",
        () -> resource().create(json("['a','analyst']"), null));
    assertInvalidBody(
        "The request body is not valid JSON.",
        () -> resource().update("5c1", json("{'name':'a',")));
  }
}
