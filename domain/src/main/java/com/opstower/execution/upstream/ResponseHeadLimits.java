package com.opstower.execution.upstream;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The bounds of an upstream's response head (docs/security.md §9), checked for every head an
 * exchange receives, interim {@code 1xx} heads included. HttpClient itself enforces the line length
 * and the field count while parsing ({@link UpstreamJerseyClient#HEAD_LIMITS}); this adds the total
 * size over all fields and a bound on interim answers, which HttpClient would read forever.
 */
final class ResponseHeadLimits {

  static final int MAX_LINE_BYTES = 8 * 1024;
  static final int MAX_FIELDS = 100;
  static final int MAX_HEAD_BYTES = 64 * 1024;
  static final int MAX_INTERIM_ANSWERS = 10;

  /** Blank lines tolerated before a status line; more is garbage, not HTTP. */
  static final int MAX_EMPTY_LINES = 4;

  /** ": " between name and value, CRLF after it. */
  private static final int FIELD_OVERHEAD = 4;

  /** "HTTP/1.1 200 " and a CRLF, without the reason phrase. */
  private static final int STATUS_LINE_OVERHEAD = 15;

  private int interimAnswers;
  private long headBytes;

  /** A broken answer that HttpClient accepted but the product refuses; the message names it. */
  static final class RefusedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedAnswer(String fault) {
      super(fault, null, false, false);
    }
  }

  /**
   * @throws RefusedAnswer naming the fault
   */
  void check(HttpResponse response) {
    long bytes = STATUS_LINE_OVERHEAD + length(response.getReasonPhrase());
    for (Header header : response.getHeaders()) {
      bytes += FIELD_OVERHEAD + length(header.getName()) + length(header.getValue());
    }
    headBytes += bytes;
    if (headBytes > MAX_HEAD_BYTES) {
      throw new RefusedAnswer(
          "its response head was too large (more than "
              + MAX_HEAD_BYTES / 1024
              + " KiB of header fields)");
    }
    if (response.getCode() >= 100 && response.getCode() < 200) {
      interimAnswers++;
      if (interimAnswers > MAX_INTERIM_ANSWERS) {
        throw new RefusedAnswer(
            "it sent more than " + MAX_INTERIM_ANSWERS + " interim (1xx) answers and no final one");
      }
    }
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
