package com.opstower.execution.credential;

import com.opstower.execution.credential.PatternAutomaton.Pattern;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal forms under which an upstream may echo a secret, before any escaping (which {@link
 * TextDecoder} undoes, twice):
 *
 * <ul>
 *   <li>the raw value;
 *   <li>Base64, standard and URL-safe, with and without padding, and the Base64 "core" of the
 *       secret when it sits inside a longer Base64 run (a Basic {@code user:pass}, a JWT), taking
 *       along the edge characters that mix its bits with the neighbours';
 *   <li>hex of its UTF-8 bytes, the only forms compared ignoring case ({@link #anyCase});
 *   <li>its bytes as they look to a reader that believed a false charset, since the reader decodes
 *       the body with what the upstream claims: UTF-8 read as ISO-8859-1 or windows-1252, UTF-8
 *       read as UTF-16 (either byte order, either alignment, with the edge chars that share a byte
 *       with a neighbour), UTF-16 read as ISO-8859-1, windows-1252 or UTF-8. For an ASCII secret
 *       most of these are the raw value: UTF-16 read as 8-bit text is the secret with a NUL beside
 *       each character, which the decoder drops.
 * </ul>
 *
 * <p>Not covered: hex or Base64 of the UTF-16 bytes (either would make the longest form, and so the
 * reader's look-ahead, up to twice as long, for encodings rarely seen in HTTP); a false claim of an
 * ASCII-incompatible single-byte charset (EBCDIC); UTF-32 text read as 8-bit (three NULs per
 * character); hashes, reversed or split text.
 *
 * @param exact forms compared unit by unit
 * @param anyCase forms compared ignoring ASCII case
 */
record SecretForms(List<Pattern> exact, List<Pattern> anyCase) {

  /**
   * A Base64 core shorter than this (6 chars = 36 bits) would match random Base64 text too often;
   * such short secrets are still redacted in their raw, standalone-Base64 and hex forms.
   */
  static final int MIN_BASE64_CORE = 6;

  /** The same for a piece of the secret read as UTF-16: 3 chars = 48 bits. */
  static final int MIN_UTF16_PIECE = 3;

  /** The same for the ASCII-delimited part of UTF-16 bytes read as UTF-8. */
  static final int MIN_UTF8_READING = 6;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static SecretForms of(String secret) {
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    Set<String> literal = new LinkedHashSet<>();
    literal.add(secret);
    literal.add(new String(utf8, StandardCharsets.ISO_8859_1));
    literal.add(new String(utf8, WINDOWS_1252));
    literal.addAll(readAsEightBit(secret.getBytes(StandardCharsets.UTF_16BE)));
    literal.addAll(readAsEightBit(secret.getBytes(StandardCharsets.UTF_16LE)));
    List<Pattern> exact = new ArrayList<>();
    literal.forEach(form -> exact.add(Pattern.of(form)));
    exact.addAll(base64Forms(utf8));
    exact.addAll(readAsUtf16(utf8));
    exact.removeIf(form -> form.text().isEmpty());
    return new SecretForms(exact, List.of(Pattern.of(HexFormat.of().formatHex(utf8))));
  }

  static List<Pattern> base64Forms(byte[] bytes) {
    List<Pattern> forms = new ArrayList<>();
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
    for (String whole : List.of(standard, withoutPadding(standard), urlSafe)) {
      forms.add(Pattern.of(whole));
    }
    forms.add(Pattern.of(withoutPadding(urlSafe)));
    for (int offset = 0; offset < 3; offset++) {
      String core = core(bytes, offset);
      if (core.length() >= MIN_BASE64_CORE) {
        // the char before (after) the core holds bits of the secret unless it starts (ends) on a
        // 6-bit boundary
        int before = (8 * offset) % 6 == 0 ? 0 : 1;
        int after = (8 * (offset + bytes.length)) % 6 == 0 ? 0 : 1;
        forms.add(new Pattern(core, before, after));
        forms.add(new Pattern(core.replace('+', '-').replace('/', '_'), before, after));
      }
    }
    return forms;
  }

  /**
   * The Base64 characters that depend only on the secret's bits when the secret starts {@code
   * offset} bytes after a 3-byte group boundary of a longer encoded run. The characters at either
   * edge mix in neighbouring bits and differ from run to run (they carry at most 4 bits of the
   * secret, and are cut out with the core).
   */
  static String core(byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int from = (8 * offset + 5) / 6;
    int to = (8 * (offset + bytes.length)) / 6;
    return from < to ? encoded.substring(from, to) : "";
  }

  /**
   * The secret's UTF-8 bytes as a reader shows them that believed {@code charset=UTF-16}: two bytes
   * to a char, big- or little-endian, starting on an even or odd byte of the body. A char that
   * pairs a byte of the secret with a neighbour's (the first one when the secret starts on an odd
   * byte, the last one when the rest is odd) is unknown but carries a byte of the secret: the piece
   * takes it along. An unpaired surrogate shows as U+FFFD, a high one taking the next char with it,
   * so the form is cut there into pieces, each taking the cut char along.
   */
  static List<Pattern> readAsUtf16(byte[] bytes) {
    List<Pattern> pieces = new ArrayList<>();
    for (boolean bigEndian : new boolean[] {true, false}) {
      for (int skipped = 0; skipped < 2; skipped++) {
        StringBuilder piece = new StringBuilder();
        int before = skipped;
        int i = skipped;
        while (i + 1 < bytes.length) {
          char unit = unit(bytes, i, bigEndian);
          if (!Character.isSurrogate(unit)) {
            piece.append(unit);
            i += 2;
          } else if (Character.isHighSurrogate(unit)
              && i + 3 < bytes.length
              && Character.isLowSurrogate(unit(bytes, i + 2, bigEndian))) {
            piece.append(unit).append(unit(bytes, i + 2, bigEndian));
            i += 4;
          } else {
            addPiece(pieces, piece, before, 1);
            piece.setLength(0);
            before = 1;
            i += Character.isHighSurrogate(unit) ? 4 : 2;
          }
        }
        addPiece(pieces, piece, before, i < bytes.length ? 1 : 0);
      }
    }
    return pieces;
  }

  /**
   * The secret's UTF-16 bytes read as ISO-8859-1, windows-1252 and UTF-8, without the NULs the
   * decoder drops. UTF-8 decoding of a byte depends on its neighbours, so only the part from the
   * first to the last ASCII byte (which no neighbour changes) is taken.
   */
  static Set<String> readAsEightBit(byte[] bytes) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(withoutNul(new String(bytes, StandardCharsets.ISO_8859_1)));
    forms.add(withoutNul(new String(bytes, WINDOWS_1252)));
    int first = 0;
    while (first < bytes.length && bytes[first] < 0) {
      first++;
    }
    int last = bytes.length - 1;
    while (last >= first && bytes[last] < 0) {
      last--;
    }
    if (first <= last) {
      String utf8 = withoutNul(new String(bytes, first, last + 1 - first, StandardCharsets.UTF_8));
      if (utf8.length() >= MIN_UTF8_READING) {
        forms.add(utf8);
      }
    }
    return forms;
  }

  private static char unit(byte[] bytes, int i, boolean bigEndian) {
    int high = bytes[bigEndian ? i : i + 1] & 0xFF;
    int low = bytes[bigEndian ? i + 1 : i] & 0xFF;
    return (char) (high << 8 | low);
  }

  private static void addPiece(List<Pattern> pieces, StringBuilder piece, int before, int after) {
    if (piece.length() >= MIN_UTF16_PIECE) {
      pieces.add(new Pattern(piece.toString(), before, after));
    }
  }

  private static String withoutNul(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  private static String withoutPadding(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
  }
}
