package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader takes a bounded window of the stream, whatever the upstream sends. */
class ResponseReaderStreamingTest {

  static final String SECRET = "ghp_0123456789abcdefABCDEF";

  private final SecretRedactor redactor = new SecretRedactor(List.of(SECRET, "other-Secret!"));

  private long window(int cap) {
    return cap + ResponseReader.lookaheadBytes(redactor);
  }

  @Test
  void twentyMegabyteBodyIsReadQuicklyWithBoundedBytesConsumed() {
    GeneratedStream stream =
        new GeneratedStream(new byte[0], "{\"k\":\"value\"},".getBytes(), 20L * 1024 * 1024);

    ReadBody read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> new ResponseReader(8192).read(stream, "text/plain", redactor));

    assertTrue(stream.consumed() <= window(8192), "consumed " + stream.consumed());
    assertTrue(read.truncated());
    assertEquals(8192, read.bodyBytes());
    assertEquals(8192, read.body().length());
  }

  @Test
  void endlessStreamIsReadUpToTheWindowAndNoFurther() {
    GeneratedStream stream = GeneratedStream.endless("endless ".getBytes());

    ReadBody read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> new ResponseReader(1000).read(stream, null, redactor));

    assertEquals(window(1000), stream.consumed());
    assertTrue(read.truncated());
    assertEquals(1000, read.bodyBytes());
    assertTrue(read.body().startsWith("endless endless"));
  }

  @Test
  void endlessBinaryStreamIsBoundedToo() {
    GeneratedStream stream = GeneratedStream.endless(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});

    ReadBody read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> new ResponseReader(1000).read(stream, "image/png", redactor));

    assertEquals(window(1000), stream.consumed());
    assertTrue(read.truncated());
  }

  @Test
  void endlessStreamOfSecretsReturnsOnlyMarkersThoughTheWindowEndsMidSecret() throws IOException {
    // Redaction shrinks each 26-char secret to a 10-char marker, so the whole redacted window is
    // shorter than the cap; the window's last, incomplete secret must still not leak.
    int cap = 100_000;
    GeneratedStream stream = GeneratedStream.endless(SECRET.getBytes(StandardCharsets.UTF_8));

    ReadBody read = new ResponseReader(cap).read(stream, "text/plain", redactor);

    assertTrue(read.body().length() < cap);
    assertEquals("", read.body().replace(SecretRedactor.MARKER, ""));
    assertTrue(read.truncated());
  }

  @Test
  void secretStraddlingTheWindowEndIsNotReturnedInPart() throws IOException {
    int cap = 50_000;
    int window = (int) window(cap);
    // Long secrets shrink to markers; one secret starts 5 bytes before the window ends.
    String filler = SECRET.repeat(window / SECRET.length());
    String beforeLast = filler + "x".repeat(window - 5 - filler.length());
    GeneratedStream stream =
        new GeneratedStream(
            beforeLast.getBytes(StandardCharsets.UTF_8),
            (SECRET + "tail").getBytes(StandardCharsets.UTF_8),
            window + 1000L);

    ReadBody read = new ResponseReader(cap).read(stream, "text/plain", redactor);

    assertEquals(window, stream.consumed());
    assertFalse(read.body().contains(SECRET.substring(0, 5)));
    assertFalse(read.body().endsWith("x"), "the window's tail is held back");
    assertTrue(read.truncated());
  }

  @Test
  void multiByteCharacterSplitAtTheWindowEndGivesNoReplacementCharacter() throws IOException {
    for (int cap = 10; cap < 20; cap++) {
      GeneratedStream stream = GeneratedStream.endless("€".getBytes(StandardCharsets.UTF_8));

      ReadBody read = new ResponseReader(cap).read(stream, "text/plain", SecretRedactor.none());

      assertFalse(read.body().contains("\uFFFD"), "cap " + cap);
      assertEquals("€".repeat(cap / 3), read.body());
      assertEquals(3 * (cap / 3), read.bodyBytes());
    }
  }

  @Test
  void lookaheadHoldsTheLongestFormInFourByteCharacters() {
    assertEquals(4 * redactor.maxFormLength() + 4, ResponseReader.lookaheadBytes(redactor));
    assertEquals(4, ResponseReader.lookaheadBytes(SecretRedactor.none()));
  }
}
