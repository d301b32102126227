package com.opstower.execution.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One literal form of a secret (the raw value, one of its Base64 spellings, its hex), matched
 * against an {@link EncodedText} so that each of its characters may be spelled in any of the ways
 * an upstream writes it: as itself, percent-encoded, JSON-escaped, {@code +} for a space. Mixed
 * spellings ({@code encodeURIComponent} leaving {@code !~*'()} alone, Gson writing {@code =} as a
 * JSON unicode escape) are found by the same form.
 */
final class EncodedForm {

  private final int[] codePoints;
  private final boolean ignoreAsciiCase;
  private final int maxLength;

  /**
   * @param literal the form's characters (not empty)
   * @param ignoreAsciiCase whether ASCII letters match in either case (hex forms)
   */
  private EncodedForm(String literal, boolean ignoreAsciiCase) {
    this.codePoints = literal.codePoints().toArray();
    this.ignoreAsciiCase = ignoreAsciiCase;
    this.maxLength = Arrays.stream(codePoints).map(EncodedForm::longestSpelling).sum();
  }

  static EncodedForm of(String literal, boolean ignoreAsciiCase) {
    return new EncodedForm(literal, ignoreAsciiCase);
  }

  /** The longest text this form can match, in chars. */
  int maxLength() {
    return maxLength;
  }

  /**
   * The end of the longest spelling of this form that starts at {@code start}, or -1. Walks the
   * form's code points keeping the set of positions reached so far (at most a handful, since
   * spellings of one character differ in length).
   */
  int matchEnd(EncodedText text, int start) {
    if (!firstCodePointAt(text, start)) {
      return -1; // the common case, decided without allocating
    }
    int[] current = {start};
    int currentCount = 1;
    int[] next = new int[EncodedText.SPELLINGS];
    for (int expected : codePoints) {
      int nextCount = 0;
      for (int i = 0; i < currentCount; i++) {
        int position = current[i];
        if (position >= text.length()) {
          continue;
        }
        for (int kind = 0; kind < EncodedText.SPELLINGS; kind++) {
          int actual = text.codePoint(position, kind);
          if (actual >= 0 && same(expected, actual)) {
            int end = text.end(position, kind);
            if (!contains(next, nextCount, end)) {
              if (nextCount == next.length) {
                next = Arrays.copyOf(next, next.length * 2);
              }
              next[nextCount++] = end;
            }
          }
        }
      }
      if (nextCount == 0) {
        return -1;
      }
      int[] reused = current.length >= next.length ? current : new int[next.length];
      current = next;
      next = reused;
      currentCount = nextCount;
    }
    int longest = -1;
    for (int i = 0; i < currentCount; i++) {
      longest = Math.max(longest, current[i]);
    }
    return longest;
  }

  private boolean firstCodePointAt(EncodedText text, int start) {
    for (int kind = 0; kind < EncodedText.SPELLINGS; kind++) {
      int actual = text.codePoint(start, kind);
      if (actual >= 0 && same(codePoints[0], actual)) {
        return true;
      }
    }
    return false;
  }

  private boolean same(int expected, int actual) {
    if (expected == actual) {
      return true;
    }
    return ignoreAsciiCase
        && expected < 128
        && actual < 128
        && (expected | 0x20) == (actual | 0x20)
        && Character.isLetter(expected);
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** Longest of: literal, percent-encoded UTF-8, {@code \\uXXXX} per UTF-16 unit, short escape. */
  private static int longestSpelling(int cp) {
    int utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
    return Math.max(3 * utf8, 6 * Character.charCount(cp));
  }
}
