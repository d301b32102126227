package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

public class ToolNameTest {

  public static final Pattern OPENAI_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Internal Billing API|internal_billing_api",
        "api.example.com|api_example_com",
        "  Spaces   around  |spaces_around",
        "Already_fine-name|already_fine-name",
        "CRM (v2) — prod!|crm_v2_prod",
        "Café Résumé API|cafe_resume_api",
        "Ｆｕｌｌｗｉｄｔｈ API|fullwidth_api",
        "__leading and trailing__|leading_and_trailing",
        "a/b\\c:d|a_b_c_d",
        "100% uptime|100_uptime",
        "-dash-|-dash-",
        "Rocket 🚀 API|rocket_api",
        "Straße|stra_e",
        "İstanbul|istanbul"
      })
  void derivesTheNameFromTheDisplayName(String displayName, String expected) {
    assertEquals(expected, ToolName.from(displayName));
  }

  @Test
  void replacesControlCharactersLikeOtherSymbols() {
    assertEquals("tab_and_newline_and_nul", ToolName.from("tab\tand\r\nnewline\u0000and nul"));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "🚀🚀🚀",
        "!!!",
        "___",
        "   ",
        "日本語",
        "مرحبا",
        "😀",
        "\u0000\u0001",
        "\u200b\u200d",
        "¯\\_(ツ)_/¯"
      })
  void fallsBackToApiWhenNothingUsableIsLeft(String displayName) {
    assertEquals(ToolName.FALLBACK, ToolName.from(displayName));
  }

  @Test
  void cutsLongLabelsToSixtyFourCharacters() {
    String name = ToolName.from("x".repeat(200));

    assertEquals("x".repeat(64), name);
  }

  @Test
  void trimsAnUnderscoreLeftAtTheCut() {
    String label = "a".repeat(63) + " tail";

    assertEquals("a".repeat(63), ToolName.from(label));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "🚀 Ünïcødé ✨ and symbols ☃ and more text to make it long enough to be cut somewhere",
        "ÅÄÖ ÆØ Ł Đ ß ŋ — every letter",
        "a-b_c.d e\u00ad f\u2028g",
        "ﬁﬂ ligatures ① ② ③",
        "x"
      })
  void alwaysMatchesTheFunctionNamePattern(String displayName) {
    String name = ToolName.from(displayName);

    assertTrue(OPENAI_NAME.matcher(name).matches(), name);
  }

  @Test
  void suffixFitsWithinSixtyFourCharacters() {
    String base = "y".repeat(64);

    assertEquals("y".repeat(62) + "_2", ToolName.withSuffix(base, 2));
    assertEquals("y".repeat(60) + "_100", ToolName.withSuffix(base, 100));
  }

  @Test
  void suffixDoesNotLeaveADoubleUnderscoreAtTheCut() {
    String base = "y".repeat(61) + "_zz";

    assertEquals("y".repeat(61) + "_2", ToolName.withSuffix(base, 2));
  }
}
