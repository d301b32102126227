package com.opstower.http;

import java.text.Normalizer;
import java.util.Set;

/**
 * Finds characters that must never reach an upstream inside a path: controls and invisible
 * formatting characters, and Unicode look-alikes of the URL's structural characters. Some servers
 * and frameworks apply NFKC or "best fit" mappings, turning U+FF0E into {@code .} or U+FF0F into
 * {@code /} after our checks have run, so such characters are refused rather than encoded.
 */
public final class UnsafeChars {

  /** Structural characters whose look-alikes are refused. */
  private static final String STRUCTURAL = "./\\%?#:;";

  /** Look-alikes that NFKC leaves alone but that render as (or are mapped to) a dot or slash. */
  private static final Set<Integer> LOOK_ALIKES =
      Set.of(
          0x2024, 0x2025, 0x2026, 0xFE52, 0xFF0E, 0x3002, 0xFF61, // dots
          0x2215, 0x2044, 0x29F8, 0x29F5, 0x29F9, 0xFF0F, 0xFF3C, 0xFE68, 0x2216, // slashes
          0x2571, 0x2572, 0x3033, 0x1735, 0x0337, 0x0338, 0x20EB, 0x2CFA);

  private UnsafeChars() {}

  /** What is wrong with the text ("a control character", "a look-alike of '/'…"), or null. */
  public static String describe(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String problem = describe(cp);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  public static String describe(int cp) {
    if (isControlOrInvisible(cp)) {
      return "a control or invisible character";
    }
    if (cp > 0x7f && isLookAlike(cp)) {
      return "a Unicode look-alike of a URL delimiter";
    }
    return null;
  }

  public static boolean isControlOrInvisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.PRIVATE_USE ->
          true;
      default -> false;
    };
  }

  /** Whether the text holds a C0/C1 control or DEL (Unicode category Cc). */
  public static boolean hasControl(String text) {
    return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL);
  }

  /** Whether the text holds a surrogate that is not part of a pair (not encodable as UTF-8). */
  public static boolean hasLoneSurrogate(String text) {
    return text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.SURROGATE);
  }

  private static boolean isLookAlike(int cp) {
    if (LOOK_ALIKES.contains(cp)) {
      return true;
    }
    String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return folded.chars().anyMatch(c -> STRUCTURAL.indexOf(c) >= 0);
  }
}
