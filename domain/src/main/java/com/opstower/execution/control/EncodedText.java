package com.opstower.execution.control;

/**
 * A text as an upstream may have spelled a character at each position: literally, percent-encoded
 * UTF-8 ({@code %C3%A4}, either hex case), a JSON {@code \\uXXXX} escape (a surrogate pair as two
 * escapes, either hex case), a JSON short escape ({@code \"}, {@code \\}, {@code \/}, {@code \n}…)
 * or {@code +} for a space. Computed once per text so that each secret form only compares code
 * points: the work is linear in (text length × forms) and no input can make it backtrack.
 */
final class EncodedText {

  /** Spellings per position: literal, percent-encoded, JSON unicode, short escape or plus. */
  static final int SPELLINGS = 4;

  private static final int NONE = -1;

  private final String text;
  private final int[] percentCodePoint;
  private final int[] percentEnd;
  private final int[] unicodeCodePoint;
  private final int[] unicodeEnd;

  EncodedText(String text) {
    this.text = text;
    int length = text.length();
    percentCodePoint = new int[length];
    percentEnd = new int[length];
    unicodeCodePoint = new int[length];
    unicodeEnd = new int[length];
    for (int p = 0; p < length; p++) {
      percentEnd[p] = NONE;
      unicodeEnd[p] = NONE;
      char c = text.charAt(p);
      if (c == '%') {
        decodePercent(p);
      } else if (c == '\\') {
        decodeUnicodeEscape(p);
      }
    }
  }

  int length() {
    return text.length();
  }

  /** The code point spelled by spelling {@code kind} at {@code p}, or -1 when there is none. */
  int codePoint(int p, int kind) {
    return switch (kind) {
      case 0 -> text.codePointAt(p);
      case 1 -> percentEnd[p] == NONE ? NONE : percentCodePoint[p];
      case 2 -> unicodeEnd[p] == NONE ? NONE : unicodeCodePoint[p];
      default -> shortEscapeCodePoint(p);
    };
  }

  /** Where spelling {@code kind} at {@code p} ends; only meaningful when it has a code point. */
  int end(int p, int kind) {
    return switch (kind) {
      case 0 -> p + Character.charCount(text.codePointAt(p));
      case 1 -> percentEnd[p];
      case 2 -> unicodeEnd[p];
      default -> text.charAt(p) == '+' ? p + 1 : p + 2;
    };
  }

  private int shortEscapeCodePoint(int p) {
    char c = text.charAt(p);
    if (c == '+') {
      return ' ';
    }
    if (c != '\\' || p + 1 >= text.length()) {
      return NONE;
    }
    return switch (text.charAt(p + 1)) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> NONE;
    };
  }

  private void decodePercent(int p) {
    int first = hexByte(p);
    if (first < 0) {
      return;
    }
    int count =
        first < 0x80
            ? 1
            : (first >> 5) == 0x6 ? 2 : (first >> 4) == 0xE ? 3 : (first >> 3) == 0x1E ? 4 : 0;
    if (count == 0) {
      return;
    }
    int cp = count == 1 ? first : first & (0xFF >> (count + 1));
    for (int i = 1; i < count; i++) {
      int next = hexByte(p + 3 * i);
      if (next < 0 || (next >> 6) != 0x2) {
        return;
      }
      cp = (cp << 6) | (next & 0x3F);
    }
    percentCodePoint[p] = cp;
    percentEnd[p] = p + 3 * count;
  }

  private int hexByte(int p) {
    if (p + 3 > text.length() || text.charAt(p) != '%') {
      return NONE;
    }
    int high = hexDigit(text.charAt(p + 1));
    int low = hexDigit(text.charAt(p + 2));
    return high < 0 || low < 0 ? NONE : high * 16 + low;
  }

  private void decodeUnicodeEscape(int p) {
    int unit = hexUnit(p);
    if (unit < 0) {
      return;
    }
    if (Character.isHighSurrogate((char) unit)) {
      int low = hexUnit(p + 6);
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        unicodeCodePoint[p] = Character.toCodePoint((char) unit, (char) low);
        unicodeEnd[p] = p + 12;
        return;
      }
    }
    unicodeCodePoint[p] = unit;
    unicodeEnd[p] = p + 6;
  }

  private int hexUnit(int p) {
    if (p + 6 > text.length() || text.charAt(p) != '\\' || (text.charAt(p + 1) | 0x20) != 'u') {
      return NONE;
    }
    int unit = 0;
    for (int i = p + 2; i < p + 6; i++) {
      int digit = hexDigit(text.charAt(i));
      if (digit < 0) {
        return NONE;
      }
      unit = unit * 16 + digit;
    }
    return unit;
  }

  /** ASCII hex only: {@link Character#digit} would also accept fullwidth and other digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int lower = c | 0x20;
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : NONE;
  }
}
