package com.opstower.connection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRulesTest {

  private final ConnectionValidator validator = new ConnectionValidator();

  private List<FieldError> validate(Drafts drafts, boolean stored) {
    return validator.validate(drafts.build(), stored);
  }

  @ParameterizedTest
  @CsvSource({
    "bearer, auth.token, Enter the token.",
    "api_key_header, auth.apiKey, Enter the API key.",
    "basic, auth.password, Enter the password.",
    "query_param, auth.paramValue, Enter the parameter value."
  })
  void requiresTheSecretWhenNoneIsStored(String type, String field, String message) {
    assertEquals(
        List.of(new FieldError(field, message)), validate(Drafts.ofType(type).secret(null), false));
    assertEquals(
        List.of(new FieldError(field, message)),
        validate(Drafts.ofType(type).secret(" \n"), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param"})
  void keepsTheStoredSecretWhenTheFieldIsLeftBlank(String type) {
    assertEquals(List.of(), validate(Drafts.ofType(type).secret(null), true));
    assertEquals(List.of(), validate(Drafts.ofType(type).secret("   "), true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param"})
  void stillChecksANewSecretWhenOneIsStored(String type) {
    List<FieldError> errors = validate(Drafts.ofType(type).secret("a\r\nX-Evil: 1"), true);
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(
        ConnectionFields.secretField(
                Drafts.ofType(type).build().authType().equals("bearer")
                    ? com.opstower.connection.entity.AuthType.BEARER
                    : com.opstower.connection.entity.AuthType.fromWire(type).orElseThrow())
            .orElseThrow(),
        errors.get(0).field());
  }

  @Test
  void needsNoSecretForNoAuth() {
    assertEquals(List.of(), validate(Drafts.none().secret(null), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param"})
  void limitsTheSecretTo4096Characters(String type) {
    assertEquals(List.of(), validate(Drafts.ofType(type).secret("s".repeat(4096)), false));
    List<FieldError> errors = validate(Drafts.ofType(type).secret("s".repeat(4097)), false);
    assertEquals(1, errors.size());
    assertFalse(errors.get(0).message().contains("ssss"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param"})
  void acceptsASecretPastedWithATrailingLineBreak(String type) {
    assertEquals(List.of(), validate(Drafts.ofType(type).secret("tok-abc\n"), false));
    assertEquals(List.of(), validate(Drafts.ofType(type).secret("tok-abc\r\n"), false));
  }

  static Stream<Arguments> headerInjections() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (String type : List.of("bearer", "api_key_header", "basic", "query_param")) {
      for (String secret :
          List.of(
              "Kp4Rz\r\nX-Evil: 1",
              "Kp4Rz\nSet-Cookie: a=b",
              "Kp4Rz\rx",
              "Kp4Rz\u0000x",
              "Kp4Rz\tx",
              "Kp4Rz\u007fx",
              "Kp4Rz\u0085x",
              "Kp4Rz\u2028x",
              "Kp4Rz\u202Ex")) {
        all.add(Arguments.of(type, secret));
      }
    }
    return all.build();
  }

  @ParameterizedTest
  @MethodSource("headerInjections")
  void rejectsControlCharactersInsideTheSecret(String type, String secret) {
    List<FieldError> errors = validate(Drafts.ofType(type).secret(secret), false);
    assertEquals(1, errors.size(), errors::toString);
    assertFalse(errors.get(0).message().contains("Kp4Rz"), errors.get(0).message());
  }

  @ParameterizedTest
  @CsvSource({"bearer, auth.token", "api_key_header, auth.apiKey"})
  void requiresAsciiForSecretsSentAsHeaderValues(String type, String field) {
    List<FieldError> errors = validate(Drafts.ofType(type).secret("tök€n"), false);
    assertEquals(1, errors.size());
    assertEquals(field, errors.get(0).field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic", "query_param"})
  void allowsUnicodeInPasswordsAndParameterValues(String type) {
    assertEquals(List.of(), validate(Drafts.ofType(type).secret("pässwörd €"), false));
  }

  @Test
  void allowsPrintableAsciiPunctuationInHeaderSecrets() {
    String printable = "!\"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~ x";
    assertEquals(List.of(), validate(Drafts.bearer().secret(printable), false));
    assertEquals(List.of(), validate(Drafts.apiKey().secret(printable), false));
  }

  static Stream<Arguments> badSecretsOfEveryKind() {
    Stream.Builder<Arguments> all = Stream.builder();
    String marker = "Zq7Vx9Wm";
    for (String type : List.of("bearer", "api_key_header", "basic", "query_param")) {
      all.add(Arguments.of(type, marker + "\r\n" + marker));
      all.add(Arguments.of(type, marker.repeat(600)));
      all.add(Arguments.of(type, marker + "\u0000"));
      all.add(Arguments.of(type, marker + "ü\u0001"));
    }
    all.add(Arguments.of("bearer", marker + "é"));
    all.add(Arguments.of("api_key_header", marker + "☃"));
    return all.build();
  }

  @ParameterizedTest
  @MethodSource("badSecretsOfEveryKind")
  void neverEchoesTheSecret(String type, String secret) {
    ConnectionDraft draft = Drafts.ofType(type).secret(secret).build();
    List<FieldError> errors = validator.validate(draft, false);
    assertEquals(1, errors.size(), errors::toString);
    assertFalse(errors.toString().contains("Zq7Vx9Wm"), errors::toString);
    assertFalse(errors.toString().contains(String.valueOf(secret.length())), errors::toString);
    ProblemException problem =
        assertThrows(ProblemException.class, () -> validator.requireValid(draft, false));
    assertFalse(problem.getMessage().contains("Zq7Vx9Wm"), problem.getMessage());
    assertFalse(draft.toString().contains("Zq7Vx9Wm"), draft::toString);
  }
}
