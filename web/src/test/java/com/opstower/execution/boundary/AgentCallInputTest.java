package com.opstower.execution.boundary;

import static com.opstower.api.InputProblems.assertInvalidBody;
import static com.opstower.api.InputProblems.assertInvalidField;
import static com.opstower.api.InputProblems.assertProblem;
import static com.opstower.api.InputProblems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.request.AgentCall;
import com.opstower.execution.request.OutboundBody;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool arguments of an agent request (docs/api.md "Execute a request") read into an {@link
 * AgentCall}. Only the shapes are checked here; the method, path, header and query rules run later,
 * on exactly what was read. JSON is written with single quotes ({@code json(…)}).
 */
class AgentCallInputTest {

  private static final String GET = "'method':'GET','path':'/items'";
  private static final String POST = "'method':'POST','path':'/items'";

  private static AgentCall read(String singleQuotedJson) {
    return AgentCallInput.read(json(singleQuotedJson));
  }

  private static String text(OutboundBody body) {
    return new String(body.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void readsTheDocumentedExample() {
    AgentCall call =
        read(
            "{'method':'GET','path':'/invoices','query':{'customer':'42','tag':['a','b']},"
                + "'headers':{'Accept':'application/json'},'body':null,'contentType':null}");
    assertEquals("GET", call.method());
    assertEquals("/invoices", call.path());
    assertEquals(Map.of("customer", List.of("42"), "tag", List.of("a", "b")), call.query());
    assertEquals(Map.of("Accept", "application/json"), call.headers());
    assertFalse(call.body().isPresent());
  }

  @Test
  void theMinimalCallHasNoQueryHeadersOrBody() {
    AgentCall call = read("{" + GET + "}");
    assertEquals(Map.of(), call.query());
    assertEquals(Map.of(), call.headers());
    assertEquals(OutboundBody.none(), call.body());
  }

  @Nested
  class MethodAndPath {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{'path':'/x'}", "{'method':null,'path':'/x'}"})
    void theMethodIsRequired(String body) {
      ProblemException refused = assertInvalidField("method", () -> read(body));
      assertTrue(refused.detail().contains("GET, POST, PUT, PATCH, DELETE"), refused.detail());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{'method':'GET'}", "{'method':'GET','path':null}"})
    void thePathIsRequired(String body) {
      assertInvalidField("path", () -> read(body));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1", "true", "['GET']", "{'name':'GET'}"})
    void aMethodThatIsNoStringIsRefused(String value) {
      assertInvalidField("method", () -> read("{'method':" + value + ",'path':'/x'}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1", "false", "['a','b']", "{'segments':['a']}"})
    void aPathThatIsNoStringIsRefused(String value) {
      assertInvalidField("path", () -> read("{'method':'GET','path':" + value + "}"));
    }

    /** "get" and " GET" are refused later, not fixed: the boundary must keep them as sent. */
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"get", " GET", "GET ", "TRACE", ""})
    void theMethodIsKeptExactlyAsSent(String method) {
      assertEquals(method, read("{'method':'" + method + "','path':'/x'}").method());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
        strings = {"", "/", "invoices", "/a/b/", "/spreadsheets/1/values:batchGet", "/%2e%2e/x"})
    void thePathIsKeptExactlyAsSent(String path) {
      assertEquals(path, read("{'method':'GET','path':'" + path + "'}").path());
    }

    @Test
    void escapesInThePathAreDecodedByJsonOnly() {
      assertEquals(
          "/a b/\u00e9/\r\n",
          AgentCallInput.read("{\"method\":\"GET\",\"path\":\"/a b/\\u00e9/\\r\\n\"}").path());
    }
  }

  @Nested
  class Query {

    private Map<String, List<String>> query(String value) {
      return read("{" + GET + ",'query':" + value + "}").query();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"null", "{}"})
    void nullOrEmptyIsNoQuery(String value) {
      assertEquals(Map.of(), query(value));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "'42'          | 42",
          "''            | ''",
          "' padded '    | ' padded '",
          "2             | 2",
          "0             | 0",
          "-3            | -3",
          "2.5           | 2.5",
          "12345678901234567890 | 12345678901234567890",
          "true          | true",
          "false         | false"
        })
    void aScalarIsOneValueAndNumbersAndBooleansAreTheirJsonText(String value, String sent) {
      assertEquals(Map.of("page", List.of(sent.replace("'", ""))), query("{'page':" + value + "}"));
    }

    @Test
    void anArrayIsOneValueEachInOrder() {
      assertEquals(
          Map.of("tag", List.of("b", "a", "b", "7", "true")),
          query("{'tag':['b','a','b',7,true]}"));
    }

    @Test
    void anEmptyArrayIsKeptAsNoValues() {
      Map<String, List<String>> query = query("{'tag':[],'page':'1'}");
      assertEquals(List.of(), query.get("tag"));
      assertEquals(List.of("tag", "page"), List.copyOf(query.keySet()));
    }

    @Test
    void parametersKeepTheirOrderAndTheirNamesAsSent() {
      Map<String, List<String>> query =
          query("{'z':'1','a&b':'2','':'3','key[]':'4','K E Y':'5','%6b':'6'}");
      assertEquals(List.of("z", "a&b", "", "key[]", "K E Y", "%6b"), List.copyOf(query.keySet()));
    }

    @Test
    void valuesAreKeptRawForTheEncoder() {
      assertEquals(List.of("a&b=c#d+e {f} %20"), query("{'q':'a&b=c#d+e {f} %20'}").get("q"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"'page=2'", "['page','2']", "[]", "2", "true"})
    void aQueryThatIsNoObjectIsRefused(String value) {
      assertInvalidField("query", () -> query(value));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {"null", "{}", "{'a':1}", "[null]", "['a',null]", "[['a']]", "[{}]", "['a',[]]"})
    void aValueThatIsNoScalarIsRefusedNamingTheParameter(String value) {
      ProblemException refused =
          assertInvalidField("query.page", () -> query("{'page':" + value + "}"));
      assertEquals("'query.page' values must be strings.", refused.detail());
    }
  }

  @Nested
  class Headers {

    private Map<String, String> headers(String value) {
      return read("{" + GET + ",'headers':" + value + "}").headers();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"null", "{}"})
    void nullOrEmptyIsNoHeaders(String value) {
      assertEquals(Map.of(), headers(value));
    }

    @Test
    void valuesAreTextAndNumbersAndBooleansTheirJsonText() {
      assertEquals(
          Map.of(
              "X-Text", " v ", "X-Count", "5", "X-Ratio", "0.25", "X-On", "true", "X-Off", "false"),
          headers("{'X-Text':' v ','X-Count':5,'X-Ratio':0.25,'X-On':true,'X-Off':false}"));
    }

    /** The policy refuses the same name in two spellings; the boundary must pass both on. */
    @Test
    void namesAreKeptAsSentAndInOrder() {
      Map<String, String> headers = headers("{'x-b':'1','X-B':'2','Authorization':'3','':'4'}");
      assertEquals(List.of("x-b", "X-B", "Authorization", ""), List.copyOf(headers.keySet()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"'Accept: */*'", "['Accept']", "[]", "1"})
    void headersThatAreNoObjectAreRefused(String value) {
      assertInvalidField("headers", () -> headers(value));
    }

    /** docs/api.md: "a null, object or array value is 400 invalid-request". */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"null", "{}", "{'a':'b'}", "[]", "['a']"})
    void aValueThatIsNoScalarIsAnInvalidRequest(String value) {
      ProblemException refused =
          assertProblem(ProblemCode.INVALID_REQUEST, () -> headers("{'X-Trace':" + value + "}"));
      assertEquals(1, refused.errors().size());
      assertTrue(refused.errors().get(0).field().startsWith("headers"), refused.errors()::toString);
      assertTrue(refused.detail().contains("headers"), refused.detail());
    }
  }

  @Nested
  class BodyAndContentType {

    private OutboundBody body(String members) {
      return read("{" + POST + "," + members + "}").body();
    }

    @Test
    void absentOrNullIsNoBodyAndTheContentTypeIsDropped() {
      assertEquals(OutboundBody.none(), read("{" + POST + "}").body());
      assertEquals(OutboundBody.none(), body("'body':null"));
      OutboundBody none = body("'body':null,'contentType':'application/xml'");
      assertFalse(none.isPresent());
      assertNull(none.contentType());
    }

    @Test
    void aStringIsSentAsIsAsUtf8Text() {
      OutboundBody body = body("'body':'{\\'not\\':\\'parsed\\'} é'");
      assertEquals("{\"not\":\"parsed\"} é", text(body));
      assertEquals(OutboundBody.DEFAULT_TEXT_TYPE, body.contentType());
      assertEquals(19, body.length(), "é is two bytes in UTF-8");
    }

    @Test
    void anEmptyStringIsAnEmptyBody() {
      OutboundBody body = body("'body':''");
      assertTrue(body.isPresent());
      assertEquals(0, body.length());
      assertEquals(OutboundBody.DEFAULT_TEXT_TYPE, body.contentType());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "{'a':[1,'x',null,true],'b':{'c':-2.5}} | {'a':[1,'x',null,true],'b':{'c':-2.5}}",
          "{ 'spaced' : [ 1 , 2 ] }               | {'spaced':[1,2]}",
          "{}                                     | {}",
          "[]                                     | []",
          "[1,'two',{'three':3}]                  | [1,'two',{'three':3}]",
          "42                                     | 42",
          "0.5                                    | 0.5",
          "true                                   | true",
          "false                                  | false"
        })
    void anyOtherJsonValueIsSentAsJson(String value, String sent) {
      OutboundBody body = body("'body':" + value);
      assertEquals(json(sent), text(body));
      assertEquals(OutboundBody.DEFAULT_JSON_TYPE, body.contentType());
    }

    @Test
    void jsonBodiesKeepTheMemberOrderAndEscapeOnlyWhatJsonNeeds() {
      OutboundBody body =
          AgentCallInput.read(
                  "{\"method\":\"PUT\",\"path\":\"/x\",\"body\":"
                      + "{\"z\":\"q\\\"uote\\\\ \\/ \\u00e9 \\n\",\"a\":null}}")
              .body();
      assertEquals("{\"z\":\"q\\\"uote\\\\ / é \\n\",\"a\":null}", text(body));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "'body':'<a/>','contentType':'application/xml'                 | application/xml",
          "'body':{'op':'x'},'contentType':'application/merge-patch+json' | application/merge-patch+json",
          "'body':'x','contentType':'text/csv; charset=ISO-8859-1'        | text/csv; charset=ISO-8859-1",
          "'body':'x','contentType':'   '                                 | text/plain; charset=UTF-8",
          "'body':[1],'contentType':''                                    | application/json",
          "'body':'x','contentType':'not a media type'                    | not a media type"
        })
    void aGivenContentTypeIsKeptAsSentAndABlankOneMeansTheDefault(String members, String type) {
      assertEquals(type, body(members).contentType());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1", "true", "['text/plain']", "{'type':'text/plain'}"})
    void aContentTypeThatIsNoStringIsRefused(String value) {
      assertInvalidField("contentType", () -> body("'body':'x','contentType':" + value));
    }

    /** GET with a body is refused by the body rules later; the boundary reads it like any other. */
    @Test
    void aBodyOnGetIsReadForTheRulesToRefuse() {
      assertTrue(read("{" + GET + ",'body':'x'}").body().isPresent());
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"url", "Method", "params", "arguments", "timeout"})
  void anUnknownMemberIsRefusedByName(String member) {
    ProblemException refused =
        assertInvalidField(member, () -> read("{" + GET + ",'" + member + "':1}"));
    assertEquals("Unknown field '" + member + "'.", refused.detail());
  }

  /** Engines sometimes post the whole tool call, or the arguments as a JSON string. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"{\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/x\\\"}\"",
        "[{\"method\":\"GET\",\"path\":\"/x\"}]"
      })
  void argumentsThatAreNoObjectAreRefused(String body) {
    assertInvalidBody("The request body must be a JSON object.", () -> AgentCallInput.read(body));
  }

  @Test
  void theWrappedToolCallIsRefusedNamingTheUnknownMember() {
    assertInvalidField("name", () -> read("{'name':'billing','arguments':{" + GET + "}}"));
  }

  @Test
  void anEmptyBodyAsksForAnObject() {
    assertInvalidBody("Send a JSON object as the request body.", () -> AgentCallInput.read(""));
  }

  /** Numbers in the query, and header values of the wrong type (docs/api.md). */
  @Nested
  class NumbersAndWrongTypes {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"2, 2", "1.5, 1.5", "-7, -7", "1e2, 1E+2", "-0, 0", "10e-1, 1.0"})
    void aNumberInTheQueryIsSentAsIntegerDecimalOrCanonicalText(String number, String sent) {
      assertEquals(
          List.of(sent), read("{" + GET + ",'query':{'n':" + number + "}}").query().get("n"));
    }

    @Test
    void aHeaderValueOfTheWrongTypeIsNamedInTheDetail() {
      ProblemException refused =
          assertProblem(
              ProblemCode.INVALID_REQUEST, () -> read("{" + GET + ",'headers':{'X-Trace':null}}"));
      assertTrue(refused.detail().contains("X-Trace"), refused.detail());
      assertEquals("headers.X-Trace", refused.errors().get(0).field());
    }

    @Test
    void aLongOrControlCharacterHeaderNameIsShortenedInTheProblem() {
      String name = "X-\\u0007" + "a".repeat(5000);
      ProblemException refused =
          assertProblem(
              ProblemCode.INVALID_REQUEST,
              () -> read("{" + GET + ",'headers':{'" + name + "':{}}}"));
      String field = refused.errors().get(0).field();
      assertTrue(field.length() < 80, field);
      assertTrue(field.startsWith("headers.X-?aaa"), field);
      assertTrue(refused.detail().length() < 120, refused.detail());
    }
  }
}
