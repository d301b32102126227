package com.opstower.execution.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

  private static byte[] encoded(String text, int expected, int piece) {
    Utf8Buffer buffer = new Utf8Buffer(expected);
    for (int i = 0; i < text.length(); i += piece) {
      int end = Math.min(text.length(), i + piece);
      if (piece == 1) {
        buffer.write(text.charAt(i));
      } else if (i % 2 == 0) {
        buffer.write(text, i, end - i);
      } else {
        buffer.write(text.toCharArray(), i, end - i);
      }
    }
    buffer.close();
    return Arrays.copyOf(buffer.array(), buffer.length());
  }

  @Test
  void encodesAsStringGetBytesDoesWhateverThePiecesAndTheFirstSize() {
    String[] texts = {
      "",
      "plain ascii {\"a\":1}",
      "Zoë, Ærø, ½ and ✓ — 中文 and 😀😀 in a row",
      "lone \uD83D high, lone \uDE00 low, \uD83D\uD83D\uDE00 two highs, end high \uD83D",
      "\uDE00\uD83D reversed pair",
      "x".repeat(5000) + "€".repeat(3000) + "𝄞".repeat(700)
    };
    for (String text : texts) {
      byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
      for (int expected : new int[] {0, 7, wanted.length, 100_000}) {
        for (int piece : new int[] {1, 2, 3, 17, 10_000}) {
          assertArrayEquals(
              wanted, encoded(text, expected, piece), text + " / " + expected + " / " + piece);
        }
      }
    }
  }
}
