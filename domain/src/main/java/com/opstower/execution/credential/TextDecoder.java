package com.opstower.execution.credential;

import java.util.List;
import java.util.Map;

/**
 * Undoes one level of the escaping an upstream may have put on a secret it echoes, greedily from
 * left to right as a lenient reader would: {@code %XX} and {@code \xHH} bytes (UTF-8 sequences,
 * else one ISO-8859-1 byte), JSON {@code \\uXXXX} (surrogate pairs too) and short escapes, HTML
 * numeric and named character references; and a NUL before a character is dropped, so that the
 * UTF-16 bytes of an ASCII secret read as 8-bit text ({@code "s\0e\0c\0"}) show the secret.
 *
 * <p>{@code +} is not turned into a space here: the automaton treats the two as one symbol, which
 * also covers a space written as {@code +} inside a longer escape sequence.
 *
 * <p>Each output unit comes from a bounded run of input units ({@link #longestSpelling}) decided by
 * looking at most {@link #READ_AHEAD} units ahead, so decoding is linear in the view's length and a
 * match found in the output is at most a known number of original chars long. Digit counts are
 * bounded for that reason: {@code &#00000000065;} is left alone (a reader would decode it, but no
 * encoder writes it).
 *
 * <p>Greedy decoding reads the text as an encoder would have written it. A spelling no encoder
 * produces, such as a secret {@code a%41} echoed as {@code %61%41} ({@code a} encoded, the {@code
 * %} not), decodes to something else and is not found.
 */
final class TextDecoder {

  /** {@code &#1114111;}: the largest code point has 7 decimal digits. */
  static final int MAX_DECIMAL_DIGITS = 7;

  /** {@code &#x10FFFF;}: and 6 hex digits. */
  static final int MAX_HEX_DIGITS = 6;

  /** Named references to ASCII punctuation (and the no-break space), case-sensitive as in HTML. */
  private static final Map<String, Character> NAMED =
      Map.ofEntries(
          Map.entry("amp", '&'),
          Map.entry("AMP", '&'),
          Map.entry("lt", '<'),
          Map.entry("LT", '<'),
          Map.entry("gt", '>'),
          Map.entry("GT", '>'),
          Map.entry("quot", '"'),
          Map.entry("QUOT", '"'),
          Map.entry("apos", '\''),
          Map.entry("sol", '/'),
          Map.entry("bsol", '\\'),
          Map.entry("plus", '+'),
          Map.entry("equals", '='),
          Map.entry("colon", ':'),
          Map.entry("semi", ';'),
          Map.entry("num", '#'),
          Map.entry("percnt", '%'),
          Map.entry("excl", '!'),
          Map.entry("quest", '?'),
          Map.entry("lpar", '('),
          Map.entry("rpar", ')'),
          Map.entry("ast", '*'),
          Map.entry("midast", '*'),
          Map.entry("comma", ','),
          Map.entry("period", '.'),
          Map.entry("lowbar", '_'),
          Map.entry("dollar", '$'),
          Map.entry("commat", '@'),
          Map.entry("lsqb", '['),
          Map.entry("lbrack", '['),
          Map.entry("rsqb", ']'),
          Map.entry("rbrack", ']'),
          Map.entry("lcub", '{'),
          Map.entry("lbrace", '{'),
          Map.entry("rcub", '}'),
          Map.entry("rbrace", '}'),
          Map.entry("verbar", '|'),
          Map.entry("vert", '|'),
          Map.entry("grave", '`'),
          Map.entry("Hat", '^'),
          // strictly U+02DC; a careless encoder means '~' by it, and matching more is harmless
          Map.entry("tilde", '~'),
          Map.entry("nbsp", '\u00A0'));

  /** Names browsers also accept without the semicolon; longest first, as they are tried. */
  private static final List<String> WITHOUT_SEMICOLON =
      List.of("quot", "QUOT", "nbsp", "amp", "AMP", "lt", "LT", "gt", "GT");

  private static final int MAX_NAME =
      NAMED.keySet().stream().mapToInt(String::length).max().orElseThrow();

  /**
   * How many input units, from the first unit of an output unit's spelling, the decoder looks at to
   * decide it: a NUL, then at most 16 ({@code \xF0\x9F\x98\x80}; {@code &#NNNNNNN;} with the check
   * for an 8th digit reads 10, a surrogate pair of {@code \\u} escapes 12).
   */
  static final int READ_AHEAD = 1 + 16;

  /** Any ASCII character, which every escape is written in, takes at most this many chars. */
  static final int LONGEST_ASCII_SPELLING = longestSpelling('A');

  private final DecodedView in;
  private final int length;
  private final char[] units;
  private final int[] starts;
  private final int[] ends;
  private int size;

  /** The code point spelled by the escape the last successful {@code ...End} call found. */
  private int decoded;

  private TextDecoder(DecodedView in) {
    this.in = in;
    this.length = in.length();
    // every spelling is at least as long as the units it decodes to, so the output fits
    this.units = new char[length];
    this.starts = new int[length];
    this.ends = new int[length];
  }

  /** The view decoded once; {@code view} itself when nothing in it decodes. */
  static DecodedView decode(DecodedView view) {
    for (int i = 0; i < view.length(); i++) {
      char c = view.unit(i);
      if (c == '%' || c == '\\' || c == '&' || c == 0) {
        return new TextDecoder(view).run();
      }
    }
    return view;
  }

  /**
   * The most chars one decoding level turns into {@code codePoint}: one for a NUL before it, plus
   * the longest of its spellings: {@code \xHH} per UTF-8 byte (4 × 1..4 bytes), {@code %XX} per
   * byte (3 × bytes), {@code \\uXXXX} per UTF-16 unit (6 × 1..2 units), {@code &#NNNNNNN;} (3 +
   * {@value #MAX_DECIMAL_DIGITS}), {@code &#xHHHHHH;} (4 + {@value #MAX_HEX_DIGITS}), a named
   * reference ({@code &percnt;}: 2 + the longest name), the character itself (1..2). For ASCII: 1 +
   * 10 = 11; for a 4-byte UTF-8 character 1 + 16 = 17.
   */
  static int longestSpelling(int codePoint) {
    int utf8Bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    int utf16Units = Character.charCount(codePoint);
    int byteEscapes = 4 * utf8Bytes;
    int unicodeEscapes = 6 * utf16Units;
    int numericReference = Math.max(3 + MAX_DECIMAL_DIGITS, 4 + MAX_HEX_DIGITS);
    int namedReference = 2 + MAX_NAME;
    return 1
        + Math.max(
            Math.max(byteEscapes, unicodeEscapes), Math.max(numericReference, namedReference));
  }

  private DecodedView run() {
    boolean changed = false;
    int i = 0;
    while (i < length) {
      int from = i;
      if (in.unit(i) == 0 && i + 1 < length && in.unit(i + 1) != 0) {
        i++; // one NUL per character at most, else the length of a spelling would be unbounded
        changed = true;
      }
      int end = escapeEnd(i);
      if (end < 0) {
        emit(in.unit(i), in.start(from), in.end(i));
        i++;
      } else {
        changed = true;
        int start = in.start(from);
        int last = in.end(end - 1);
        if (Character.isSupplementaryCodePoint(decoded)) {
          emit(Character.highSurrogate(decoded), start, last);
          emit(Character.lowSurrogate(decoded), start, last);
        } else {
          emit((char) decoded, start, last);
        }
        i = end;
      }
    }
    return changed ? DecodedView.decoded(units, starts, ends, size) : in;
  }

  private void emit(char unit, int start, int end) {
    units[size] = unit;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /** Where the escape at {@code i} ends, setting {@link #decoded}; -1 when there is none. */
  private int escapeEnd(int i) {
    return switch (in.unit(i)) {
      case '%' -> byteEscapesEnd(i, 1);
      case '\\' -> backslashEscapeEnd(i);
      case '&' -> referenceEnd(i);
      default -> -1;
    };
  }

  private int backslashEscapeEnd(int i) {
    if (i + 1 >= length) {
      return -1;
    }
    char next = in.unit(i + 1);
    if (next == 'x' || next == 'X') {
      return byteEscapesEnd(i, 2);
    }
    if (next == 'u' || next == 'U') {
      return unicodeEscapeEnd(i);
    }
    int c =
        switch (next) {
          case '"', '\\', '/', '\'' -> next;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> -1;
        };
    if (c < 0) {
      return -1;
    }
    decoded = c;
    return i + 2;
  }

  /**
   * A UTF-8 sequence of {@code %XX} ({@code prefix} 1) or {@code \xHH} ({@code prefix} 2) escapes;
   * a byte that does not start a complete sequence stands for itself, as ISO-8859-1 encoders and
   * Python's byte reprs write it.
   */
  private int byteEscapesEnd(int i, int prefix) {
    int width = prefix + 2;
    int first = escapedByte(i, prefix);
    if (first < 0) {
      return -1;
    }
    int count = first < 0xC0 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : first < 0xF8 ? 4 : 1;
    int codePoint = count == 1 ? first : first & (0x7F >> count);
    for (int k = 1; k < count && codePoint >= 0; k++) {
      int next = escapedByte(i + k * width, prefix);
      codePoint = next < 0 || (next & 0xC0) != 0x80 ? -1 : (codePoint << 6) | (next & 0x3F);
    }
    if (count > 1 && codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT) {
      decoded = codePoint;
      return i + count * width;
    }
    decoded = first;
    return i + width;
  }

  private int escapedByte(int i, int prefix) {
    if (i + prefix + 2 > length) {
      return -1;
    }
    boolean introduced =
        prefix == 1
            ? in.unit(i) == '%'
            : in.unit(i) == '\\' && (in.unit(i + 1) == 'x' || in.unit(i + 1) == 'X');
    if (!introduced) {
      return -1;
    }
    int high = digit(in.unit(i + prefix), 16);
    int low = digit(in.unit(i + prefix + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }

  private int unicodeEscapeEnd(int i) {
    int unit = escapedUnit(i);
    if (unit < 0) {
      return -1;
    }
    if (Character.isHighSurrogate((char) unit)) {
      int low = escapedUnit(i + 6);
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        decoded = Character.toCodePoint((char) unit, (char) low);
        return i + 12;
      }
    }
    decoded = unit; // a lone surrogate stays one, as in the secret it may be part of
    return i + 6;
  }

  private int escapedUnit(int i) {
    if (i + 6 > length || in.unit(i) != '\\' || (in.unit(i + 1) != 'u' && in.unit(i + 1) != 'U')) {
      return -1;
    }
    int unit = 0;
    for (int p = i + 2; p < i + 6; p++) {
      int digit = digit(in.unit(p), 16);
      if (digit < 0) {
        return -1;
      }
      unit = unit * 16 + digit;
    }
    return unit;
  }

  private int referenceEnd(int i) {
    if (i + 1 >= length) {
      return -1;
    }
    return in.unit(i + 1) == '#' ? numericReferenceEnd(i) : namedReferenceEnd(i);
  }

  /** {@code &#65;}, {@code &#x41;}; the semicolon is optional, as browsers read it. */
  private int numericReferenceEnd(int i) {
    boolean hex = i + 2 < length && (in.unit(i + 2) == 'x' || in.unit(i + 2) == 'X');
    int radix = hex ? 16 : 10;
    int maxDigits = hex ? MAX_HEX_DIGITS : MAX_DECIMAL_DIGITS;
    int from = i + (hex ? 3 : 2);
    int p = from;
    int value = 0;
    while (p < length && p - from < maxDigits && digit(in.unit(p), radix) >= 0) {
      value = value * radix + digit(in.unit(p), radix);
      p++;
    }
    boolean moreDigits = p < length && digit(in.unit(p), radix) >= 0;
    if (p == from || moreDigits || value > Character.MAX_CODE_POINT) {
      return -1;
    }
    decoded = value;
    return p < length && in.unit(p) == ';' ? p + 1 : p;
  }

  private int namedReferenceEnd(int i) {
    StringBuilder name = new StringBuilder(MAX_NAME);
    int p = i + 1;
    while (p < length && name.length() < MAX_NAME && isAsciiLetter(in.unit(p))) {
      name.append(in.unit(p));
      p++;
    }
    if (name.isEmpty()) {
      return -1;
    }
    Character named = NAMED.get(name.toString());
    if (named != null && p < length && in.unit(p) == ';') {
      decoded = named;
      return p + 1;
    }
    for (String legacy : WITHOUT_SEMICOLON) {
      if (name.indexOf(legacy) == 0) {
        decoded = NAMED.get(legacy);
        return i + 1 + legacy.length();
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** ASCII digits only: {@link Character#digit} would also accept fullwidth and other digits. */
  private static int digit(char c, int radix) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int lower = c | 0x20;
    return radix == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
