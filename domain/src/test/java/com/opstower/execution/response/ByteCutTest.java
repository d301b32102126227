package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 cut against the encoder's own count, on ASCII, mixed and astral text. */
class ByteCutTest {

  private static final String[] PIECES = {"a", "{\"k\":1}", "é", "€", "😀", "ß", " ", "\n"};

  @Test
  void theCutIsTheLongestPrefixThatFitsOnACodePointBoundary() {
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(40);
      for (int p = 0; p < pieces; p++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      int cap = random.nextInt(120);
      ByteCut.Cut cut = ByteCut.cut(text.toString(), cap, StandardCharsets.UTF_8);
      String kept = text.substring(0, cut.end());
      int bytes = kept.getBytes(StandardCharsets.UTF_8).length;
      assertEquals(bytes, cut.bytes(), text + " / " + cap);
      assertTrue(bytes <= cap);
      assertTrue(
          cut.end() == 0 || !Character.isHighSurrogate(text.charAt(cut.end() - 1)),
          "not inside a pair");
      if (cut.end() < text.length()) {
        int next = text.codePointAt(cut.end());
        int size = new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes + size > cap, "the next code point would not fit");
      }
    }
  }

  @Test
  void aLoneSurrogateCountsAsItsThreeByteReplacement() {
    assertEquals(new ByteCut.Cut(2, 4), ByteCut.cut("a\uD800b", 4, StandardCharsets.UTF_8));
    assertEquals(new ByteCut.Cut(3, 5), ByteCut.cut("a\uD800b", 5, StandardCharsets.UTF_8));
  }
}
