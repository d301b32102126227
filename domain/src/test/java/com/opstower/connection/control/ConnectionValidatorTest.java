package com.opstower.connection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionValidatorTest {

  private final ConnectionValidator validator = new ConnectionValidator();

  static List<FieldError> validate(Drafts drafts) {
    return new ConnectionValidator().validate(drafts.build(), false);
  }

  /** Asserts exactly one error, on {@code field}, and returns its message. */
  static String onlyError(Drafts drafts, String field) {
    List<FieldError> errors = validate(drafts);
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    assertEquals(field, errors.get(0).field());
    return errors.get(0).message();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param", "none"})
  void acceptsAValidDraftOfEachAuthType(String type) {
    assertEquals(List.of(), validate(Drafts.ofType(type)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param", "none"})
  void acceptsTheSmallestValidDraft(String type) {
    Drafts minimal = Drafts.ofType(type).label(null).docsUrl(null).description(null);
    assertEquals(List.of(), validate(minimal));
  }

  static Stream<Arguments> generalViolations() {
    return Stream.of(
        violation("label", d -> d.label("x".repeat(101))),
        violation("label", d -> d.label("Billing\u0000API")),
        violation("label", d -> d.label("Billing\nAPI")),
        violation("label", d -> d.label("Billing\tAPI")),
        violation("label", d -> d.label("Billing \u202Egnp.exe")),
        violation("label", d -> d.label("a\u2028b")),
        violation("baseUrl", d -> d.baseUrl(null)),
        violation("baseUrl", d -> d.baseUrl("   ")),
        violation("baseUrl", d -> d.baseUrl("javascript:alert(1)")),
        violation("baseUrl", d -> d.baseUrl("JAVASCRIPT:alert(1)")),
        violation("baseUrl", d -> d.baseUrl(" https://a.com")),
        violation("baseUrl", d -> d.baseUrl("https://user:pw@a.com")),
        violation("baseUrl", d -> d.baseUrl("https://a.com?x=1")),
        violation("baseUrl", d -> d.baseUrl("https://a.com?")),
        violation("baseUrl", d -> d.baseUrl("https://a.com#x")),
        violation("baseUrl", d -> d.baseUrl("https://a.com/v1/../admin")),
        violation("baseUrl", d -> d.baseUrl("https://a.com/%2e%2e")),
        violation("baseUrl", d -> d.baseUrl("http:///x")),
        violation("baseUrl", d -> d.baseUrl("https://")),
        violation("baseUrl", d -> d.baseUrl("file:///etc/passwd")),
        violation("baseUrl", d -> d.baseUrl("data:text/html,x")),
        violation("baseUrl", d -> d.baseUrl("ftp://a.com")),
        violation("baseUrl", d -> d.baseUrl("https://a.com:0")),
        violation("baseUrl", d -> d.baseUrl("https://a.com:65536")),
        violation("baseUrl", d -> d.baseUrl("https://a.com/" + "x".repeat(2035))),
        violation("auth.type", d -> d.authType(null)),
        violation("auth.type", d -> d.authType("oauth2")),
        violation("auth.type", d -> d.authType("BEARER")),
        violation("auth.type", d -> d.authType("Bearer Token")),
        violation("docsUrl", d -> d.docsUrl("javascript:alert(document.cookie)")),
        violation("docsUrl", d -> d.docsUrl("data:text/html;base64,PHNjcmlwdD4=")),
        violation("docsUrl", d -> d.docsUrl("file:///etc/passwd")),
        violation("docsUrl", d -> d.docsUrl("docs.example.com/api")),
        violation("docsUrl", d -> d.docsUrl("https://a.com/" + "x".repeat(2035))),
        violation("docsUrl", d -> d.docsUrl("https://u:p@a.com/spec")),
        violation("description", d -> d.description("x".repeat(4001))),
        violation("description", d -> d.description("Lists invoices\u0000")),
        violation("description", d -> d.description("Lists \u202Einvoices")),
        violation("description", d -> d.description("bell\u0007")));
  }

  static Arguments violation(String field, UnaryOperator<Drafts> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest
  @MethodSource("generalViolations")
  void reportsEachGeneralRuleUnderItsField(String field, UnaryOperator<Drafts> change) {
    String message = onlyError(change.apply(Drafts.bearer()), field);
    assertTrue(message.endsWith("."), message);
  }

  @Test
  void acceptsFieldsAtTheirLimits() {
    Drafts atLimits =
        Drafts.bearer()
            .label("x".repeat(100))
            .baseUrl("https://a.com/" + "x".repeat(2034))
            .docsUrl("https://a.com/" + "x".repeat(2034))
            .description("y".repeat(4000));
    assertEquals(List.of(), validate(atLimits));
  }

  @Test
  void measuresTheLabelAfterStrippingIt() {
    assertEquals(List.of(), validate(Drafts.bearer().label("  " + "x".repeat(100) + "  ")));
  }

  @Test
  void allowsLineBreaksAndTabsInTheDescription() {
    assertEquals(List.of(), validate(Drafts.bearer().description("GET /a\n\tlists\r\nthings")));
  }

  @Test
  void allowsUnicodeInLabelAndDescription() {
    assertEquals(List.of(), validate(Drafts.bearer().label("Bücher-API ✓").description("日本語")));
  }

  @Test
  void namesTheValidAuthTypesInTheMessage() {
    String message = onlyError(Drafts.bearer().authType("oauth2"), "auth.type");
    for (String wire : List.of("bearer", "api_key_header", "basic", "query_param", "none")) {
      assertTrue(message.contains(wire), message);
    }
  }

  @Test
  void explainsWhatIsWrongWithTheBaseUrl() {
    assertEquals(
        "Only http:// and https:// URLs are allowed.",
        onlyError(Drafts.bearer().baseUrl("javascript:alert(1)"), "baseUrl"));
    assertEquals(
        "Enter the base URL of the API, such as https://api.example.com/v1.",
        onlyError(Drafts.bearer().baseUrl(null), "baseUrl"));
  }

  @Test
  void allowsQueryAndFragmentInTheDocsUrlOnly() {
    assertEquals(List.of(), validate(Drafts.bearer().docsUrl("https://a.com/spec?v=3#/paths")));
    onlyError(Drafts.bearer().baseUrl("https://a.com/v1?v=3"), "baseUrl");
  }

  @Test
  void reportsEveryInvalidFieldOnceInFormOrder() {
    Drafts bad =
        Drafts.apiKey()
            .label("a\u0000")
            .baseUrl("ftp://a.com")
            .headerName("Authorization")
            .secret(null)
            .docsUrl("javascript:x")
            .description("z".repeat(4001));
    List<String> fields = validate(bad).stream().map(FieldError::field).toList();
    assertEquals(
        List.of("label", "baseUrl", "auth.headerName", "auth.apiKey", "docsUrl", "description"),
        fields);
  }

  @Test
  void requireValidThrowsAnInvalidRequestProblemWithTheFieldErrors() {
    ConnectionDraft draft = Drafts.bearer().baseUrl("https://a.com?x").secret(null).build();
    ProblemException e =
        assertThrows(ProblemException.class, () -> validator.requireValid(draft, false));
    assertEquals(ProblemCode.INVALID_REQUEST, e.code());
    assertEquals(validator.validate(draft, false), e.errors());
    assertEquals("Fix these fields: baseUrl, auth.token.", e.detail());
  }

  @Test
  void requireValidNamesTheFieldAndMessageOfASingleError() {
    ConnectionDraft draft = Drafts.bearer().baseUrl("ftp://a.com").build();
    ProblemException e =
        assertThrows(ProblemException.class, () -> validator.requireValid(draft, false));
    assertEquals("baseUrl: Only http:// and https:// URLs are allowed.", e.detail());
  }

  @Test
  void requireValidAcceptsAValidDraft() {
    validator.requireValid(Drafts.basic().build(), false);
    assertEquals(List.of(), validator.validate(Drafts.basic().build(), false));
  }
}
