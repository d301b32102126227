package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.opstower.execution.credential.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redaction does not depend on the charset the upstream claims (docs/security.md §5). */
class ResponseReaderLyingCharsetTest {

  static final String SECRET = "Tok3n-Secret_42";

  private final SecretRedactor redactor = new SecretRedactor(List.of(SECRET));

  private ReadBody read(String contentType, byte[] bytes) throws IOException {
    return new ResponseReader(10_000).read(new ByteArrayInputStream(bytes), contentType, redactor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void utf16BodyClaimedAsUtf8OrLatin1IsRedacted(String sent) throws IOException {
    byte[] bytes = ("{\"t\":\"" + SECRET + "\"}").getBytes(Charset.forName(sent));
    for (String claimed : List.of("utf-8", "iso-8859-1", "windows-1252")) {
      ReadBody read = read("application/json; charset=" + claimed, bytes);

      assertEquals("{\"t\":\"[REDACTED]\"}", read.body().replace("\0", ""), claimed);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE"})
  void utf8BodyClaimedAsUtf16IsRedactedAtEitherAlignment(String claimed) throws IOException {
    Charset charset = Charset.forName(claimed);
    for (String before : List.of("{\"t\":\"", "{\"t\": \"")) {
      byte[] bytes = (before + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);

      ReadBody read = read("application/json; charset=" + claimed, bytes);

      // what the agent would get back by encoding the body as the upstream claimed it was
      String undone = new String(read.body().getBytes(charset), StandardCharsets.UTF_8);
      for (int i = 0; i + 2 <= SECRET.length(); i++) {
        assertFalse(undone.contains(SECRET.substring(i, i + 2)), undone);
      }
    }
  }
}
