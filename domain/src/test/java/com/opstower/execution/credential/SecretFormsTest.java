package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.PatternAutomaton.Pattern;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretFormsTest {

  private static List<String> texts(List<Pattern> forms) {
    return forms.stream().map(Pattern::text).toList();
  }

  private static String read(byte[] bytes, int from, int to, Charset charset) {
    return new String(bytes, from, to - from, charset);
  }

  @Test
  void asciiSecretHasRawAndBase64FormsAndOnlyHexIgnoresCase() {
    SecretForms forms = SecretForms.of("secret-42");

    assertTrue(texts(forms.exact()).contains("secret-42"));
    assertTrue(texts(forms.exact()).contains("c2VjcmV0LTQy"));
    assertEquals(List.of("7365637265742d3432"), texts(forms.anyCase()));
    // its 8-bit readings (UTF-8 or UTF-16 bytes, NULs dropped) are the secret itself
    assertEquals(1, texts(forms.exact()).stream().filter("secret-42"::equals).count());
  }

  @Test
  void utf8ReadAsUtf16GivesAPieceForEachByteOrderAndAlignment() {
    byte[] bytes = "secret-42".getBytes(StandardCharsets.UTF_8); // 9 bytes: one left over

    List<Pattern> pieces = SecretForms.readAsUtf16(bytes);

    assertEquals(
        List.of(
            new Pattern(read(bytes, 0, 8, StandardCharsets.UTF_16BE), 0, 1),
            new Pattern(read(bytes, 1, 9, StandardCharsets.UTF_16BE), 1, 0),
            new Pattern(read(bytes, 0, 8, StandardCharsets.UTF_16LE), 0, 1),
            new Pattern(read(bytes, 1, 9, StandardCharsets.UTF_16LE), 1, 0)),
        pieces);
  }

  @Test
  void utf16PiecesAreCutAtAnUnpairedSurrogateAndTheCharItTakesAlong() {
    // read big-endian from the start, 0xD8 0x00 is a high surrogate that "gh" does not complete
    byte[] bytes = {
      'a', 'b', 'c', 'd', 'e', 'f', (byte) 0xD8, 0x00, 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'
    };

    List<Pattern> pieces = SecretForms.readAsUtf16(bytes);

    assertTrue(pieces.contains(new Pattern(read(bytes, 0, 6, StandardCharsets.UTF_16BE), 0, 1)));
    assertTrue(pieces.contains(new Pattern(read(bytes, 10, 16, StandardCharsets.UTF_16BE), 1, 0)));
    for (Pattern piece : pieces) {
      assertTrue(piece.text().indexOf(0xD800) < 0 && piece.text().indexOf('g' << 8 | 'h') < 0);
    }
  }

  @Test
  void base64CoresTakeAlongOnlyEdgesThatMixInNeighbourBits() {
    byte[] bytes = "hunter2-Secret".getBytes(StandardCharsets.UTF_8); // 14 bytes

    List<Pattern> forms = SecretForms.base64Forms(bytes);

    // offset 0 starts on a char boundary, 112 bits end 4 bits into a char
    assertTrue(forms.contains(new Pattern(SecretForms.core(bytes, 0), 0, 1)));
    // offset 1 starts 2 bits into a char, 120 bits end on a boundary
    assertTrue(forms.contains(new Pattern(SecretForms.core(bytes, 1), 1, 0)));
    assertTrue(forms.contains(new Pattern(SecretForms.core(bytes, 2), 1, 1)));
  }

  @Test
  void nonAsciiSecretIsAlsoFormedAsItsBytesReadAsEightBitText() {
    String secret = "pässwörd€";

    List<String> exact = texts(SecretForms.of(secret).exact());

    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    assertTrue(exact.contains(new String(utf8, StandardCharsets.ISO_8859_1)));
    assertTrue(exact.contains(new String(utf8, Charset.forName("windows-1252"))));
    assertTrue(exact.contains("pässwörd¬ ")); // UTF-16LE read as ISO-8859-1, NULs dropped
    assertTrue(exact.contains("pässwörd ¬")); // UTF-16BE
    assertTrue(exact.contains("p\uFFFDssw\uFFFDrd ")); // UTF-16BE as UTF-8, to the last ASCII byte
  }
}
