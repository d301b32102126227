package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.credential.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cap, truncation and redaction-before-cut for text bodies. */
class ResponseReaderTest {

  static final String SECRET = "sk_live_Z9+q/w=e&r";
  static final String JSON = "application/json";

  private final SecretRedactor redactor = new SecretRedactor(List.of(SECRET));

  static ReadBody read(int cap, String contentType, SecretRedactor r, String body)
      throws IOException {
    return new ResponseReader(cap)
        .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentType, r);
  }

  @Test
  void exactlyCapBytesIsNotTruncated() throws IOException {
    ReadBody read = read(16, JSON, redactor, "0123456789abcdef");

    assertEquals("0123456789abcdef", read.body());
    assertFalse(read.truncated());
    assertEquals(16, read.bodyBytes());
    assertNull(read.note());
  }

  @Test
  void oneByteOverCapIsTruncated() throws IOException {
    ReadBody read = read(16, JSON, redactor, "0123456789abcdefX");

    assertEquals("0123456789abcdef", read.body());
    assertTrue(read.truncated());
    assertEquals(16, read.bodyBytes());
  }

  @Test
  void emptyBodyIsEmptyText() throws IOException {
    ReadBody read = read(16, JSON, redactor, "");

    assertEquals("", read.body());
    assertFalse(read.truncated());
    assertEquals(0, read.bodyBytes());
  }

  @Test
  void emptyBodyWithoutContentTypeIsEmptyText() throws IOException {
    ReadBody read = read(16, null, redactor, "");

    assertEquals("", read.body());
    assertFalse(read.truncated());
    assertNull(read.contentType());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 9, 10, 17})
  void secretStraddlingTheCapLeavesNoPrefixFragment(int bytesBeforeCap) throws IOException {
    int cap = 64;
    String head = "x".repeat(cap - bytesBeforeCap);
    String body = head + SECRET + "y".repeat(100);

    ReadBody read = read(cap, JSON, redactor, body);

    int room = bytesBeforeCap - SecretRedactor.MARKER.length();
    String expected = room < 0 ? head : head + SecretRedactor.MARKER + "y".repeat(room);
    assertEquals(expected, read.body(), "a partial marker is dropped rather than shown");
    assertTrue(read.truncated());
    assertEquals(expected.length(), read.bodyBytes());
    for (int i = 1; i <= SECRET.length(); i++) {
      assertFalse(read.body().endsWith(SECRET.substring(0, i)));
    }
  }

  @Test
  void secretStartingThreeBytesBeforeCapInUrlEncodedFormLeavesNoFragment() throws IOException {
    int cap = 40;
    String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    String body = "a".repeat(cap - 3) + encoded + "tail";

    ReadBody read = read(cap, "text/plain", redactor, body);

    assertEquals("a".repeat(cap - 3), read.body());
    assertTrue(read.truncated());
  }

  @Test
  void secretEndingJustInsideCapIsReplacedWhole() throws IOException {
    String body = "id=" + SECRET + "&more=" + "z".repeat(200);

    ReadBody read = read(20, "application/x-www-form-urlencoded", redactor, body);

    assertEquals("id=[REDACTED]&more=z", read.body());
    assertEquals(20, read.bodyBytes());
    assertTrue(read.truncated());
  }

  @Test
  void redactionBeforeCutLetsTextAfterALongSecretIn() throws IOException {
    String longSecret = "L".repeat(300);
    SecretRedactor r = new SecretRedactor(List.of(longSecret));
    String body = "<" + longSecret + ">" + "after".repeat(3);

    ReadBody read = read(40, "text/html", r, body);

    assertEquals("<[REDACTED]>afterafterafter", read.body());
    assertFalse(read.truncated());
    assertEquals(27, read.bodyBytes());
  }

  @Test
  void basicCredentialsEchoedInBodyAreRedacted() throws IOException {
    SecretRedactor r = new SecretRedactor(List.of("s3cret-pass", "alice:s3cret-pass"));
    String echoed = Base64.getEncoder().encodeToString("alice:s3cret-pass".getBytes());
    String body = "{\"headers\":{\"Authorization\":\"Basic " + echoed + "\"}}";

    ReadBody read = read(8192, JSON, r, body);

    assertEquals("{\"headers\":{\"Authorization\":\"Basic [REDACTED]\"}}", read.body());
  }

  @Test
  void jsonEscapedSecretIsRedacted() throws IOException {
    String body = "{\"token\":\"sk_live_Z9+q\\/w\\u003de\\u0026r\"}";

    ReadBody read = read(8192, JSON, redactor, body);

    assertEquals("{\"token\":\"[REDACTED]\"}", read.body());
  }

  @Test
  void contentTypeIsReturnedTrimmedAndRedacted() throws IOException {
    ReadBody plain = read(100, " application/json; charset=utf-8 ", redactor, "{}");
    ReadBody echoing = read(100, "text/plain; x=" + SECRET, redactor, "ok");

    assertEquals("application/json; charset=utf-8", plain.contentType());
    assertEquals("text/plain; x=[REDACTED]", echoing.contentType());
  }

  @Test
  void readerNeitherClosesNorDrainsTheStream() throws IOException {
    GeneratedStream stream = new GeneratedStream(new byte[0], "abc".getBytes(), 1_000_000);

    new ResponseReader(100).read(stream, "text/plain", redactor);

    assertFalse(stream.closed());
    assertTrue(stream.consumed() < 1_000_000);
  }

  @Test
  void rejectsNonPositiveCap() {
    assertThrows(IllegalArgumentException.class, () -> new ResponseReader(0));
    assertThrows(IllegalArgumentException.class, () -> new ResponseReader(-5));
  }

  @Test
  void worksWithAnEmptyRedactor() throws IOException {
    ReadBody read = read(5, "text/plain", SecretRedactor.none(), "hello world");

    assertEquals("hello", read.body());
    assertTrue(read.truncated());
  }
}
