package com.opstower.execution.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json|application/json|",
        "Application/JSON ; Charset=UTF-8|application/json|UTF-8",
        "text/html;charset=\"iso-8859-1\"|text/html|iso-8859-1",
        "text/plain; a=\"x;charset=bad\"; charset=utf-16|text/plain|utf-16",
        "text/plain; a=\"q\\\"uote\"; charset=ascii|text/plain|ascii",
        "text/plain; charset=|text/plain|",
        "text/plain; charset|text/plain|",
        "text/plain; ; charset=latin1|text/plain|latin1",
        "application/vnd.api+json;charset=utf-8;q=1|application/vnd.api+json|utf-8",
      })
  void parsesMediaTypeAndCharset(String header, String mediaType, String charset) {
    ContentType parsed = ContentType.parse(header);

    assertEquals(mediaType, parsed.mediaType());
    assertEquals(charset, parsed.charset());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "json", "/json", "text/", "a/b/c", "te xt/plain", "text/plain\u0000"})
  void unparsableTypesHaveNoMediaType(String header) {
    assertNull(ContentType.parse(header).mediaType());
    assertNull(ContentType.parse(null).mediaType());
  }
}
