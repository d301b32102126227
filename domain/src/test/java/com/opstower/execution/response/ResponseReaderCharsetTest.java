package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding, charset parameters and cutting on character boundaries. */
class ResponseReaderCharsetTest {

  private final SecretRedactor redactor = new SecretRedactor(List.of("Tök3n-Secret"));

  private static ReadBody read(int cap, String contentType, byte[] bytes, SecretRedactor r)
      throws IOException {
    return new ResponseReader(cap).read(new ByteArrayInputStream(bytes), contentType, r);
  }

  private ReadBody readUtf8(int cap, String text) throws IOException {
    return read(cap, "text/plain", text.getBytes(StandardCharsets.UTF_8), redactor);
  }

  @Test
  void twoByteCharacterAtTheCutIsNotSplit() throws IOException {
    ReadBody read = readUtf8(5, "abcdé");

    assertEquals("abcd", read.body());
    assertEquals(4, read.bodyBytes());
    assertTrue(read.truncated());
  }

  @Test
  void emojiAtTheCutIsNotSplit() throws IOException {
    for (int cap = 3; cap <= 6; cap++) {
      ReadBody read = readUtf8(cap, "abc😀def");

      assertEquals("abc", read.body(), "cap " + cap);
      assertEquals(3, read.bodyBytes());
      assertTrue(read.truncated());
    }
    assertEquals("abc😀", readUtf8(7, "abc😀def").body());
  }

  @Test
  void multiByteBodyOfExactlyCapBytesIsWhole() throws IOException {
    ReadBody read = readUtf8(10, "é😀é");

    assertEquals("é😀é", read.body());
    assertEquals(8, read.bodyBytes());
    assertFalse(read.truncated());
  }

  @Test
  void latin1BodyIsDecodedAndCountedInLatin1() throws IOException {
    byte[] bytes = "café crème".getBytes(StandardCharsets.ISO_8859_1);

    ReadBody read = read(4, "text/plain; charset=ISO-8859-1", bytes, redactor);

    assertEquals("café", read.body());
    assertEquals(4, read.bodyBytes());
    assertTrue(read.truncated());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain; charset=iso-8859-1",
        "text/plain;charset=\"ISO-8859-1\"",
        "text/plain; CHARSET=Latin1",
        "TEXT/PLAIN ; format=flowed; charset = latin1 ; charset=utf-8",
      })
  void charsetParameterIsFoundWhateverItsSpelling(String header) throws IOException {
    byte[] bytes = "né".getBytes(StandardCharsets.ISO_8859_1);

    ReadBody read = read(100, header, bytes, redactor);

    assertEquals("né", read.body());
    assertNull(read.note());
  }

  @Test
  void firstCharsetParameterWinsEvenWhenUnknown() throws IOException {
    byte[] bytes = "né".getBytes(StandardCharsets.ISO_8859_1);

    ReadBody read = read(100, "text/plain; charset='x'; charset=latin1", bytes, redactor);

    assertEquals("n\uFFFD", read.body());
    assertTrue(read.note().startsWith("Unknown charset"));
  }

  @Test
  void utf16WithByteOrderMarkIsDecodedAndCountedWithoutTheMark() throws IOException {
    byte[] bytes = "hello world".getBytes(StandardCharsets.UTF_16); // BOM + big endian

    ReadBody read = read(10, "text/plain; charset=UTF-16", bytes, redactor);

    assertEquals("hello", read.body());
    assertEquals(10, read.bodyBytes());
    assertTrue(read.truncated());
  }

  @Test
  void utf16LittleEndianSecretIsRedacted() throws IOException {
    byte[] bytes = "{\"t\":\"Tök3n-Secret\"}".getBytes(StandardCharsets.UTF_16LE);

    ReadBody read = read(1000, "application/json; charset=utf-16le", bytes, redactor);

    assertEquals("{\"t\":\"[REDACTED]\"}", read.body());
    assertEquals(2 * read.body().length(), read.bodyBytes());
    assertFalse(read.truncated());
  }

  @Test
  void utf16SecretStraddlingTheCapLeavesNoFragment() throws IOException {
    Charset utf16 = StandardCharsets.UTF_16BE;
    byte[] bytes = ("ab" + "Tök3n-Secret" + "zz").getBytes(utf16);

    ReadBody read = read(8, "text/plain; charset=UTF-16BE", bytes, redactor);

    assertEquals("ab", read.body());
    assertEquals(4, read.bodyBytes());
    assertTrue(read.truncated());
  }

  @ParameterizedTest
  @CsvSource({"x-bogus-42", "utf-9", "'a b'", "\"\""})
  void unknownCharsetFallsBackToUtf8WithANote(String charset) throws IOException {
    ReadBody read = read(100, "text/plain; charset=" + charset, "héllo".getBytes(), redactor);

    assertEquals("héllo", read.body());
    if (!charset.equals("\"\"")) {
      assertTrue(read.note().startsWith("Unknown charset"), read.note());
      assertTrue(read.note().endsWith("decoded as UTF-8."));
    }
  }

  @Test
  void unknownCharsetNoteDoesNotEchoASecretOrControlCharacters() throws IOException {
    ReadBody read = read(100, "text/plain; charset=\"Tök3n-Secret\r\n\"", "x".getBytes(), redactor);

    assertFalse(read.note().contains("k3n-Secret"), read.note());
    assertFalse(read.note().contains("\r"));
  }

  @Test
  void malformedUtf8IsReplacedNotThrown() throws IOException {
    byte[] bytes = {'o', 'k', (byte) 0xC3, '!', (byte) 0xFF, 'e', 'n', 'd'};

    ReadBody read = read(100, "application/json", bytes, redactor);

    assertEquals("ok\uFFFD!\uFFFDend", read.body());
    assertFalse(read.truncated());
  }

  @Test
  void secretInLatin1BodyIsRedacted() throws IOException {
    byte[] bytes = "key=Tök3n-Secret;".getBytes(StandardCharsets.ISO_8859_1);

    ReadBody read = read(100, "text/plain; charset=windows-1252", bytes, redactor);

    assertEquals("key=[REDACTED];", read.body());
  }
}
