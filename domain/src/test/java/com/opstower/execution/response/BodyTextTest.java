package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTextTest {

  /** What the contract says a finished body decodes to: malformed input replaced, not refused. */
  private static String replacing(byte[] bytes, int length, Charset charset)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes, 0, length))
        .toString();
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void aFinishedBodyDecodesAsTheReplacingDecoderDoes() throws Exception {
    List<byte[]> bodies =
        List.of(
            "{\"name\":\"Zoë ✓ 😀\"}".getBytes(StandardCharsets.UTF_8),
            bytes('a', 0xC3), // cut in the middle of a character
            bytes(
                'a', 0xE2, 0x82, 'b', 0xF0, 0x9F,
                0x98), // truncated sequences mid-text and at the end
            bytes(0xED, 0xA0, 0x80, 'x'), // an encoded surrogate
            bytes(0xC0, 0xAF, 0xFF, 0xFE, 'y'), // overlong and never-valid bytes
            bytes(0x81, 0x8D, 'z', 0x80)); // unmappable in windows-1252
    for (Charset charset :
        List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1252"),
            Charset.forName("Shift_JIS"),
            StandardCharsets.UTF_16BE)) {
      for (byte[] body : bodies) {
        for (int length : new int[] {body.length, body.length - 1}) {
          assertEquals(
              replacing(body, length, charset),
              BodyText.decode(body, length, charset, true),
              charset + " " + length);
        }
      }
    }
  }

  @Test
  void aBodyCutByTheCapKeepsAnIncompleteLastCharacterOut() {
    byte[] body = bytes('o', 'k', 0xE2, 0x9C); // "ok" and two of the three bytes of ✓
    assertEquals("ok", BodyText.decode(body, body.length, StandardCharsets.UTF_8, false));
    assertEquals("ok\uFFFD", BodyText.decode(body, body.length, StandardCharsets.UTF_8, true));
  }
}
