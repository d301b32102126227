package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bodies are text and what the agent gets for the others. */
class ResponseReaderBinaryTest {

  private final SecretRedactor redactor = new SecretRedactor(List.of("bin-Secret-1"));

  private ReadBody read(int cap, String contentType, byte[] bytes) throws IOException {
    return new ResponseReader(cap).read(new ByteArrayInputStream(bytes), contentType, redactor);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image/png",
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "image/jpeg; charset=utf-8",
        "video/mp4",
        "application/jsonx"
      })
  void nonTextTypesGiveNoBodyAndANote(String contentType) throws IOException {
    ReadBody read = read(100, contentType, "plain ascii though".getBytes());

    assertNull(read.body());
    assertEquals(0, read.bodyBytes());
    assertFalse(read.truncated());
    String mediaType = contentType.split(";")[0];
    assertEquals("Binary response (" + mediaType + ") not returned; 18 bytes.", read.note());
  }

  @Test
  void largeBinaryIsTruncatedAndSaysOrMore() throws IOException {
    ReadBody read = read(100, "image/png", new byte[100_000]);

    assertNull(read.body());
    assertTrue(read.truncated());
    assertTrue(
        read.note().matches("Binary response \\(image/png\\) not returned; \\d+ bytes or more\\."));
  }

  @Test
  void binaryJustOverCapIsTruncatedAndJustAtCapIsNot() throws IOException {
    assertTrue(read(100, "image/png", new byte[101]).truncated());
    assertFalse(read(100, "image/png", new byte[100]).truncated());
  }

  @Test
  void nulBytesWithoutContentTypeAreBinary() throws IOException {
    ReadBody read = read(100, null, new byte[] {'a', 'b', 0, 'c'});

    assertNull(read.body());
    assertEquals("Binary response (no content type) not returned; 4 bytes.", read.note());
  }

  @Test
  void invalidUtf8WithoutContentTypeIsBinary() throws IOException {
    ReadBody read = read(100, null, new byte[] {'G', 'I', 'F', (byte) 0xFF, (byte) 0xFE});

    assertNull(read.body());
    assertNotNull(read.note());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "garbage", "text", "/json", "a/b/c", "text/ plain"})
  void absentOrUnparsableTypeWithTextBytesIsText(String contentType) throws IOException {
    ReadBody read = read(100, contentType, "héllo bin-Secret-1".getBytes(StandardCharsets.UTF_8));

    assertEquals("héllo [REDACTED]", read.body());
    assertNull(read.note());
  }

  @Test
  void sniffingAcceptsAMultiByteCharacterCutByTheWindowEnd() throws IOException {
    byte[] bytes = "é".repeat(10_000).getBytes(StandardCharsets.UTF_8);

    ReadBody read = read(9, null, bytes);

    assertEquals("éééé", read.body());
    assertTrue(read.truncated());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "text/html; charset=utf-8",
        "text/csv",
        "application/json",
        "Application/JSON",
        "application/vnd.api+json",
        "application/problem+json",
        "application/graphql-response+json",
        "application/xml",
        "application/atom+xml",
        "image/svg+xml",
        "application/javascript",
        "application/x-www-form-urlencoded",
        "application/yaml",
        "application/x-yaml",
        "application/csv"
      })
  void textTypesGiveTheBody(String contentType) throws IOException {
    ReadBody read = read(100, contentType, new byte[] {'o', 'k', 0, '!'});

    assertEquals("ok\u0000!", read.body(), "a declared text type is trusted even with a NUL");
    assertEquals(4, read.bodyBytes());
  }
}
