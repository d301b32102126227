package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One level of {@link TextDecoder}: what it decodes, what it leaves, where each unit came from. */
class RedactionDecoderTest {

  private static String once(String text) {
    return units(TextDecoder.decode(DecodedView.of(text)));
  }

  private static String units(DecodedView view) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < view.length(); i++) {
      sb.append(view.unit(i));
    }
    return sb.toString();
  }

  private static List<String> ranges(DecodedView view) {
    List<String> ranges = new ArrayList<>();
    for (int i = 0; i < view.length(); i++) {
      ranges.add(view.start(i) + "-" + view.end(i));
    }
    return ranges;
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("%41%2b%2F", "A+/"),
        Arguments.of("%C3%A4%e2%82%ac", "ä€"),
        Arguments.of("%F0%9F%98%80", "😀"),
        Arguments.of("%E4", "ä"), // a lone byte: ISO-8859-1
        Arguments.of("%C3x", "Ãx"),
        Arguments.of("\\u0041\\u00E4\\uD83D\\uDE00", "Aä😀"),
        Arguments.of("\\\"\\\\\\/\\b\\f\\n\\r\\t\\'", "\"\\/\b\f\n\r\t'"),
        Arguments.of("\\x41\\xc3\\xa4\\xF0\\x9F\\x98\\x80", "Aä😀"),
        Arguments.of("&#65;&#x42;&#X43;&#0000068;&#x000045;", "ABCDE"),
        Arguments.of("&#65&#x42x", "ABx"),
        Arguments.of("&amp;&lt;&gt;&quot;&apos;&sol;&bsol;&plus;&equals;", "&<>\"'/\\+="),
        Arguments.of("&colon;&semi;&num;&percnt;&excl;&quest;&lpar;&rpar;&ast;", ":;#%!?()*"),
        Arguments.of(
            "&comma;&period;&lowbar;&dollar;&commat;&lsqb;&rsqb;&lcub;&rcub;", ",._$@[]{}"),
        Arguments.of("&verbar;&grave;&Hat;&tilde;&AMP;&nbsp;", "|`^~&\u00A0"),
        Arguments.of("&ampx&ltb&quotc", "&x<b\"c"),
        Arguments.of("%2541", "%41"),
        Arguments.of("&amp;#65;", "&#65;"),
        Arguments.of("%5Cu0041", "\\u0041"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void decodesOneLevel(String text, String decoded) {
    assertEquals(decoded, once(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "100%",
        "%4",
        "%G1",
        "\\u12",
        "\\uZZZZ",
        "\\x4",
        "\\q",
        "&",
        "&#",
        "&#;",
        "&#x;",
        "&#00000065;", // 8 decimal digits: longer than any code point needs
        "&#x0000041;", // 7 hex digits
        "&#1114112;", // above U+10FFFF
        "&eacute;",
        "&unknown;",
        "&Amp;",
        "a+b",
        "\0\0"
      })
  void leavesWhatIsNoEscapeAlone(String text) {
    DecodedView view = DecodedView.of(text);

    assertEquals(text, units(TextDecoder.decode(view)));
  }

  @Test
  void returnsTheSameViewWhenNothingDecodes() {
    DecodedView plain = DecodedView.of("plain text, 100% + more");

    assertSame(plain, TextDecoder.decode(plain));
  }

  @Test
  void dropsOneNulBeforeEachCharacter() {
    DecodedView view = TextDecoder.decode(DecodedView.of("s\0e\0c\0"));

    assertEquals("sec\0", units(view));
    assertEquals(List.of("0-1", "1-3", "3-5", "5-6"), ranges(view));
    assertEquals("\0a", once("\0\0a"));
    assertEquals("AB", once("\0%41\0&#66;"));
  }

  @Test
  void mapsEachUnitToTheCharsItCameFrom() {
    DecodedView view = TextDecoder.decode(DecodedView.of("x%41&amp;\\u00e4%F0%9F%98%80y"));

    assertEquals("xA&ä😀y", units(view));
    assertEquals(List.of("0-1", "1-4", "4-9", "9-15", "15-27", "15-27", "27-28"), ranges(view));
  }

  @Test
  void secondLevelMapsToTheOriginalText() {
    DecodedView twice = TextDecoder.decode(TextDecoder.decode(DecodedView.of("a%2541&amp;#66;b")));

    assertEquals("aABb", units(twice));
    assertEquals(List.of("0-1", "1-6", "6-15", "15-16"), ranges(twice));
  }

  @Test
  void longestSpellingBoundsEverySpellingTheDecoderAccepts() {
    assertEquals(11, TextDecoder.LONGEST_ASCII_SPELLING);
    for (int c = 0; c < 128; c++) {
      assertEquals(11, TextDecoder.longestSpelling(c));
    }
    assertEquals(11, TextDecoder.longestSpelling('ä'));
    assertEquals(13, TextDecoder.longestSpelling('€'));
    assertEquals(17, TextDecoder.longestSpelling(0x1F600));
    List<String> spellings =
        List.of(
            "\0&#0000065;",
            "\0&#x000041;",
            "\0\\u0041",
            "\0\\x41",
            "\0&percnt;",
            "\0&#1114111;",
            "\0\\xF4\\x8F\\xBF\\xBF",
            "\0\\uDBFF\\uDFFF",
            "\0%F4%8F%BF%BF");
    for (String spelling : spellings) {
      DecodedView view = TextDecoder.decode(DecodedView.of(spelling));
      int codePoint = units(view).codePointAt(0);
      assertEquals(view.end(view.length() - 1), spelling.length(), spelling);
      assertTrue(spelling.length() <= TextDecoder.longestSpelling(codePoint), spelling);
    }
  }
}
