package com.opstower.api;

import static com.opstower.api.InputProblems.assertInvalidBody;
import static com.opstower.api.InputProblems.assertInvalidField;
import static com.opstower.api.InputProblems.assertProblem;
import static com.opstower.api.InputProblems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict reading of request bodies (docs/api.md "Base path and format"): what is not a JSON
 * object, a member of the wrong type or an unknown member is a 400 {@code invalid-request} that
 * names the member, never a 500.
 */
class JsonInputTest {

  private static final Set<String> FIELDS = Set.of("name", "scopes", "auth", "flag");

  private static JsonInput parse(String body) {
    return JsonInput.parse(body, FIELDS);
  }

  @Nested
  class TheBody {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\n\t\r "})
    void anEmptyOrBlankBodyAsksForAnObject(String body) {
      assertInvalidBody("Send a JSON object as the request body.", () -> parse(body));
    }

    @Test
    void aMissingBodyAsksForAnObject() {
      assertInvalidBody("Send a JSON object as the request body.", () -> parse(null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {
          "{",
          "}",
          "{\"name\":}",
          "{\"name\":\"x\",}",
          "{\"name\" \"x\"}",
          "{'name':'x'}",
          "{name:\"x\"}",
          "{\"name\":\"unterminated}",
          "{\"name\":\"raw \u0001 control\"}",
          "{\"name\":\"raw \t tab\"}",
          "{\"name\":\"bad \\x escape\"}",
          "{\"name\":\"bad \\u12G4 escape\"}",
          "{\"flag\":tru}",
          "{\"flag\":nul}",
          "{\"flag\":01}",
          "{\"flag\":.5}",
          "{\"flag\":1.}",
          "{\"flag\":+1}",
          "{\"flag\":NaN}",
          "{\"flag\":Infinity}",
          "{\"scopes\":[\"a\",]}",
          "{\"scopes\":[,]}",
          "[1,]",
          "\uFEFF{\"name\":\"x\"}",
          "// comment\n{}",
          "name=x&flag=1"
        })
    void malformedJsonIsAnInvalidRequestWithoutFieldErrors(String body) {
      assertInvalidBody("The request body is not valid JSON.", () -> parse(body));
    }

    @Test
    void theDetailOfMalformedJsonNeverEchoesTheInput() {
      ProblemException refused =
          assertProblem(
              ProblemCode.INVALID_REQUEST, () -> parse("{\"name\":\"otk_s3cr3t-value\",,}"));
      assertFalse(refused.detail().contains("s3cr3t"), refused.detail());
      assertFalse(refused.detail().contains("line"), "no parser position: " + refused.detail());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {"[]", "[{\"name\":\"x\"}]", "\"name\"", "42", "-1.5", "true", "false", "null"})
    void aRootThatIsNotAnObjectIsRefused(String body) {
      assertInvalidBody("The request body must be a JSON object.", () -> parse(body));
    }

    @Test
    void anEmptyObjectAndSurroundingWhitespaceAreFine() {
      JsonInput input = parse(" \r\n\t{ } \n");
      assertNull(input.string("name"));
      assertFalse(input.has("name"));
    }

    @Test
    void aMemberTheCallDoesNotKnowIsRefusedByName() {
      ProblemException refused =
          assertInvalidField("nmae", () -> parse(json("{'name':'x','nmae':'y'}")));
      assertEquals("Unknown field 'nmae'.", refused.detail());
    }

    @Test
    void memberNamesAreCaseSensitive() {
      assertInvalidField("Name", () -> parse(json("{'Name':'x'}")));
    }

    @Test
    void anUnknownMemberIsRefusedWhateverItsValue() {
      assertInvalidField("extra", () -> parse(json("{'extra':null}")));
      assertInvalidField("extra", () -> parse(json("{'extra':{'nested':[1,2]}}")));
    }

    @Test
    void theDetailShowsAnUnknownNameWithoutControlsAndCutShort() {
      ProblemException controls =
          assertProblem(ProblemCode.INVALID_REQUEST, () -> parse("{\"a\\u0000\\r\\nb\":1}"));
      assertEquals("Unknown field 'a???b'.", controls.detail());

      String longName = "n".repeat(5000);
      ProblemException cut =
          assertProblem(ProblemCode.INVALID_REQUEST, () -> parse("{\"" + longName + "\":1}"));
      assertEquals("Unknown field '" + "n".repeat(64) + "…'.", cut.detail());
    }

    @Test
    void anEmptyMemberNameIsUnknownToo() {
      ProblemException refused =
          assertProblem(ProblemCode.INVALID_REQUEST, () -> parse("{\"\":1}"));
      assertEquals("Unknown field ''.", refused.detail());
    }

    /** Not refused: Parsson (the server's JSON-P) keeps the last of duplicate members. */
    @Test
    void aDuplicateMemberTakesTheLastValue() {
      assertEquals("second", parse(json("{'name':'first','name':'second'}")).string("name"));
    }

    @Test
    void aLargeValueIsReadWhole() {
      String big = "x".repeat(1_000_000);
      assertEquals(big, parse("{\"name\":\"" + big + "\"}").string("name"));
    }
  }

  @Nested
  class Strings {

    @Test
    void absentAndNullAreBothNull() {
      assertNull(parse("{}").string("name"));
      assertNull(parse(json("{'name':null}")).string("name"));
    }

    @Test
    void theValueIsKeptAsSentWithEscapesDecoded() {
      assertEquals("", parse(json("{'name':''}")).string("name"));
      assertEquals("  padded  ", parse(json("{'name':'  padded  '}")).string("name"));
      assertEquals(
          "a\"b\\c/é\n\u0000😀",
          parse("{\"name\":\"a\\\"b\\\\c\\/\\u00e9\\n\\u0000\\ud83d\\ude00\"}").string("name"));
      assertEquals("Grüße 中文", parse("{\"name\":\"Grüße 中文\"}").string("name"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1", "0", "-2.5", "1e3", "true", "false", "[]", "[\"x\"]", "{}"})
    void aValueOfAnotherTypeIsRefusedByName(String value) {
      ProblemException refused =
          assertInvalidField("name", () -> parse("{\"name\":" + value + "}").string("name"));
      assertEquals("Field 'name' must be a string.", refused.detail());
    }

    @Test
    void aNestedMemberIsNamedWithItsPath() {
      JsonInput auth = parse(json("{'auth':{'type':5}}")).object("auth");
      ProblemException refused = assertInvalidField("auth.type", () -> auth.string("type"));
      assertEquals("Field 'auth.type' must be a string.", refused.detail());
    }
  }

  @Nested
  class Objects {

    @Test
    void absentAndNullAreBothNull() {
      assertNull(parse("{}").object("auth"));
      assertNull(parse(json("{'auth':null}")).object("auth"));
    }

    @Test
    void anEmptyObjectIsAnInputWithoutMembers() {
      JsonInput auth = parse(json("{'auth':{}}")).object("auth");
      assertFalse(auth.has("type"));
      assertNull(auth.string("type"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\"bearer\"", "1", "true", "[]", "[{}]"})
    void aValueOfAnotherTypeIsRefusedByName(String value) {
      ProblemException refused =
          assertInvalidField("auth", () -> parse("{\"auth\":" + value + "}").object("auth"));
      assertEquals("Field 'auth' must be an object.", refused.detail());
    }

    @Test
    void unknownNestedMembersAreNamedWithTheirPath() {
      JsonInput auth = parse(json("{'auth':{'type':'x','tpye':'y'}}")).object("auth");
      ProblemException refused =
          assertInvalidField("auth.tpye", () -> auth.requireKnown(Set.of("type")));
      assertEquals("Unknown field 'auth.tpye'.", refused.detail());
      assertSame(auth, auth.requireKnown(Set.of("type", "tpye")));
    }

    @Test
    void pathsGrowWithEachLevel() {
      JsonInput inner = parse(json("{'auth':{'a':{'b':{'c':1}}}}")).object("auth").object("a");
      assertInvalidField("auth.a.b", () -> inner.string("b"));
      assertInvalidField("auth.a.b.c", () -> inner.object("b").string("c"));
    }
  }

  @Nested
  class StringArrays {

    @Test
    void absentAndNullAreBothNull() {
      assertNull(parse("{}").strings("scopes"));
      assertNull(parse(json("{'scopes':null}")).strings("scopes"));
    }

    @Test
    void theItemsAreKeptInOrderWithDuplicates() {
      assertEquals(List.of(), parse(json("{'scopes':[]}")).strings("scopes"));
      assertEquals(
          List.of("b", "a", "b", ""), parse(json("{'scopes':['b','a','b','']}")).strings("scopes"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {
          "\"agent\"",
          "1",
          "true",
          "{}",
          "{\"0\":\"agent\"}",
          "[1]",
          "[null]",
          "[true]",
          "[\"agent\",2]",
          "[[\"agent\"]]",
          "[{}]"
        })
    void anythingButAnArrayOfStringsIsRefusedByName(String value) {
      ProblemException refused =
          assertInvalidField("scopes", () -> parse("{\"scopes\":" + value + "}").strings("scopes"));
      assertEquals("Field 'scopes' must be an array of strings.", refused.detail());
    }
  }

  @Test
  void hasAndRawTellAbsentFromNull() {
    JsonInput input = parse(json("{'name':null,'flag':[1,{'a':true}]}"));
    assertTrue(input.has("name"));
    assertSame(JsonValue.NULL, input.raw("name"));
    assertFalse(input.has("scopes"));
    assertNull(input.raw("scopes"));
    assertEquals(JsonValue.ValueType.ARRAY, input.raw("flag").getValueType());
    assertEquals("[1,{\"a\":true}]", input.raw("flag").toString());
  }

  /** Malformed JSON beyond the first value, and input past the parser's limits: 400, never 500. */
  @Nested
  class BeyondTheFirstValueAndTheParsersLimits {

    /** The whole body is one value: anything after it is malformed. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"name\":\"x\"} trailing", "{\"name\":\"x\"}}", "{}{\"name\":1}"})
    void contentAfterTheObjectIsMalformedJson(String body) {
      assertInvalidBody("The request body is not valid JSON.", () -> parse(body));
    }

    /**
     * Parsson's limits throw RuntimeException, UnsupportedOperationException and
     * NumberFormatException, not JsonException: each is still an invalid request.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"nesting", "long number", "exponent"})
    void inputBeyondTheParsersLimitsIsAnInvalidRequestNotA500(String limit) {
      String value =
          switch (limit) {
            case "nesting" -> "[".repeat(1000) + "]".repeat(1000);
            case "long number" -> "1" + "0".repeat(1100);
            default -> "1e2147483648";
          };
      assertProblem(ProblemCode.INVALID_REQUEST, () -> parse("{\"flag\":" + value + "}"));
    }
  }
}
