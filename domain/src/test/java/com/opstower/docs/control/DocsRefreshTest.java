package com.opstower.docs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.DocsKind;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.response.ResponseReader;
import com.opstower.execution.upstream.UpstreamResponse;
import com.opstower.openapi.DocsReading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a fetched answer becomes, read by the real {@link ResponseReader} under the spec cap. */
class DocsRefreshTest {

  private static final int CAP = 8 * 1024 * 1024;
  private static final BaseUrl BASE = BaseUrl.parse("https://api.example.com/v1");

  private static DocsReading answer(int status, String contentType, InputStream body)
      throws IOException {
    ResponseReader reader = new ResponseReader(CAP);
    UpstreamResponse response =
        new UpstreamResponse(
            status, Map.of(), reader.read(body, contentType, SecretRedactor.none()), 5);
    return DocsRefresh.readAnswer(response, "/openapi.json", BASE, CAP);
  }

  @Test
  void aSpecWithinTheCapIsRead() throws IOException {
    String spec =
        "{\"openapi\":\"3.0.0\",\"servers\":[{\"url\":\"/v1\"}],\"paths\":{\"/a\":{\"get\":{}}}}";
    DocsReading reading =
        answer(
            200,
            "application/json",
            new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)));
    assertEquals(DocsKind.OPENAPI, reading.kind());
    assertEquals(1, reading.operationCount());
  }

  @Test
  void aSpecOverTheCapIsAnErrorThatNamesTheSetting() throws IOException {
    // a real several-MB spec: 9 MiB of valid JSON, streamed
    byte[] filler = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    InputStream big =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(
                "{\"openapi\":\"3.0.0\",\"paths\":{}".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              long left = 9L * 1024 * 1024;
              int at;

              @Override
              public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
              }

              @Override
              public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(Math.min(length, left), filler.length - at);
                System.arraycopy(filler, at, buffer, offset, n);
                at = (at + n) % filler.length;
                left -= n;
                return n;
              }
            });
    DocsReading reading = answer(200, "application/json", big);
    assertEquals(DocsKind.ERROR, reading.kind());
    assertEquals(
        "The document is larger than 8 MiB (opstower.docs.spec-max-bytes); it was not read.",
        reading.message());
  }

  @Test
  void anErrorStatusOrABinaryAnswerIsAnError() throws IOException {
    DocsReading missing = answer(404, "text/html", new ByteArrayInputStream(new byte[0]));
    assertEquals(DocsKind.ERROR, missing.kind());
    assertEquals(
        "The documentation URL answered HTTP 404; fix the URL or make the document readable.",
        missing.message());
    DocsReading denied = answer(401, "application/json", new ByteArrayInputStream(new byte[0]));
    assertTrue(denied.message().endsWith("with the connection's credentials."), denied.message());
    DocsReading redirect = answer(302, null, new ByteArrayInputStream(new byte[0]));
    assertTrue(redirect.message().contains("a redirect, which OpsTower does not follow"));
    DocsReading binary =
        answer(
            200, "application/pdf", new ByteArrayInputStream(new byte[] {0x25, 0x50, 0x44, 0x46}));
    assertEquals(DocsKind.ERROR, binary.kind());
    assertTrue(binary.message().startsWith("Binary response (application/pdf)"), binary.message());
  }

  @Test
  void textThatParsingBuildsIsRedactedToo() {
    // the raw document never holds the secret; filling in the server variables spells it
    String spec =
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"T\"},"
            + " \"servers\": [{\"url\": \"/{a}{b}\", \"variables\": {\"a\": {\"default\": \"tok-Abc\"},"
            + " \"b\": {\"default\": \"Def-9876\"}}}],"
            + " \"paths\": {\"/items\": {\"get\": {\"summary\": \"Items\"}}}}";
    DocsReading raw =
        com.opstower.openapi.ApiDocuments.read(
            spec, null, "/o.json", BaseUrl.parse("https://api.example.com"));
    assertEquals("/tok-AbcDef-9876/items", raw.operations().get(0).path());
    DocsReading shown =
        DocsRefresh.redacted(raw, new SecretRedactor(java.util.List.of("tok-AbcDef-9876")));
    assertEquals("/[REDACTED]/items", shown.operations().get(0).path());
  }

  @Test
  void sizesAreShownInTheirUnit() {
    assertEquals("8 MiB", DocsRefresh.sizeText(8 * 1024 * 1024));
    assertEquals("64 KiB", DocsRefresh.sizeText(65536));
    assertEquals("1000 bytes", DocsRefresh.sizeText(1000));
  }
}
