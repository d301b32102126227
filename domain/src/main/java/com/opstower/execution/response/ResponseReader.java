package com.opstower.execution.response;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.problem.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an upstream response body for the agent (docs/security.md §5): a bounded window of the
 * stream, decoded, redacted and only then cut to the cap, so that a secret straddling the cap
 * leaves no fragment behind.
 *
 * <p>The window is the cap plus a look-ahead large enough to hold the longest secret form in any
 * charset (4 bytes per char, plus an incomplete last character). The reader then stops: it does not
 * drain or close the stream, the caller aborts the exchange. Text near the end of a window that did
 * not reach the end of the stream is never returned (a secret there could be incomplete), which is
 * why the cut always lands well before the window's end.
 *
 * <p>Not final only so that tests can make a read fail in ways no upstream can (an {@link Error}).
 */
public class ResponseReader {

  private static final int MAX_WINDOW = Integer.MAX_VALUE - 64;
  private static final int INITIAL_BUFFER = 16 * 1024;
  private static final int INITIAL_BUFFER_MAX = 1024 * 1024;
  private static final int[] NO_MARKERS = new int[0];

  private final int capBytes;

  public ResponseReader(int capBytes) {
    if (capBytes < 1) {
      throw new IllegalArgumentException("capBytes must be positive: " + capBytes);
    }
    this.capBytes = capBytes;
  }

  /**
   * The upstream response headers as the agent sees them: lower-cased, sorted, redacted and without
   * cookies or hop-by-hop headers (see {@link ResponseHeaderFilter}).
   */
  public static Map<String, String> headers(
      Map<String, List<String>> upstreamHeaders, SecretRedactor redactor) {
    return ResponseHeaderFilter.filter(upstreamHeaders, redactor);
  }

  /** The number of bytes read beyond the cap so that no secret form is cut by the window's end. */
  static int lookaheadBytes(SecretRedactor redactor) {
    return (int) Math.min(MAX_WINDOW, 4L * redactor.maxFormLength() + 4);
  }

  /** How many body bytes a read looks at: the cap plus the redaction look-ahead. */
  public int windowBytes(SecretRedactor redactor) {
    return (int) Math.min(MAX_WINDOW, (long) capBytes + lookaheadBytes(redactor));
  }

  public ReadBody read(InputStream in, String contentTypeHeader, SecretRedactor redactor)
      throws IOException {
    return read(in, contentTypeHeader, null, redactor);
  }

  /**
   * Like {@link #read(InputStream, String, SecretRedactor)} for a response with {@code
   * Content-Encoding}: OpsTower asks for {@code identity}, and an upstream that compresses anyway
   * gets no body through, text or not, because redaction cannot see inside compressed bytes and an
   * agent could decompress what it was given.
   */
  public ReadBody read(
      InputStream in, String contentTypeHeader, String contentEncoding, SecretRedactor redactor)
      throws IOException {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.strip().equalsIgnoreCase("identity")) {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(redactor, "redactor");
      String shownType =
          contentTypeHeader == null ? null : redactor.redact(contentTypeHeader.strip());
      String encoding = redactor.redact(contentEncoding.strip());
      return new ReadBody(
          null,
          true,
          0,
          shownType,
          "Compressed response (Content-Encoding: "
              + SafeText.quote(encoding)
              + ") not returned: OpsTower asks APIs for uncompressed answers and cannot check"
              + " compressed ones for credentials.");
    }
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(redactor, "redactor");
    int windowSize = (int) Math.min(MAX_WINDOW, (long) capBytes + lookaheadBytes(redactor));
    Window window = Window.read(in, windowSize);
    String shownType =
        contentTypeHeader == null ? null : redactor.redact(contentTypeHeader.strip());
    ContentType type = ContentType.parse(contentTypeHeader);
    boolean text =
        type.mediaType() != null
            ? TextMediaTypes.isText(type.mediaType())
            : BodyText.looksLikeText(window.bytes, window.length, window.endOfStream);
    if (!text) {
      return binary(window, type, shownType, redactor);
    }
    BodyCharset charset = BodyCharset.resolve(type.charset(), redactor);
    String decoded =
        BodyText.decode(window.bytes, window.length, charset.charset(), window.endOfStream);
    Redacted redacted = redactSafePart(decoded, window.endOfStream, redactor);
    ByteCut.Cut cut = ByteCut.cut(redacted.text, capBytes, charset.charset());
    int end = redacted.withoutPartialMarker(cut.end());
    String body = redacted.text.substring(0, end);
    int bodyBytes =
        end == cut.end() ? cut.bytes() : ByteCut.cut(body, capBytes, charset.charset()).bytes();
    boolean truncated =
        !window.endOfStream || redacted.rawEnd < decoded.length() || end < redacted.text.length();
    return new ReadBody(body, truncated, bodyBytes, shownType, charset.note());
  }

  /**
   * Redacts the part of the window that is known to hold only complete secrets: all of it at the
   * end of the stream, else everything but the last {@code maxFormLength} chars. A secret that
   * starts in the safe part and runs past it lies wholly inside the window and is replaced whole.
   */
  private static Redacted redactSafePart(String decoded, boolean endOfStream, SecretRedactor r) {
    int safeEnd =
        endOfStream ? decoded.length() : Math.max(0, decoded.length() - r.maxFormLength());
    if (safeEnd > 0
        && safeEnd < decoded.length()
        && Character.isHighSurrogate(decoded.charAt(safeEnd - 1))
        && Character.isLowSurrogate(decoded.charAt(safeEnd))) {
      safeEnd--;
    }
    List<SecretRedactor.Span> spans = r.spans(decoded);
    if (spans.isEmpty() && safeEnd == decoded.length()) {
      return new Redacted(decoded, safeEnd, NO_MARKERS); // nothing to replace: no copy
    }
    StringBuilder out = new StringBuilder(safeEnd + 16);
    int[] markerStarts = NO_MARKERS;
    int position = 0;
    for (SecretRedactor.Span span : spans) {
      if (span.start() >= safeEnd) {
        break;
      }
      out.append(decoded, position, span.start());
      markerStarts = Arrays.copyOf(markerStarts, markerStarts.length + 1);
      markerStarts[markerStarts.length - 1] = out.length();
      out.append(SecretRedactor.MARKER);
      position = span.end();
    }
    if (position < safeEnd) {
      out.append(decoded, position, safeEnd);
      position = safeEnd;
    }
    return new Redacted(out.toString(), position, markerStarts);
  }

  private ReadBody binary(Window window, ContentType type, String shownType, SecretRedactor r) {
    boolean truncated = !window.endOfStream || window.length > capBytes;
    String what = type.mediaType() == null ? "no content type" : r.redact(type.mediaType());
    String size = window.length + (window.endOfStream ? " bytes." : " bytes or more.");
    String note = "Binary response (" + what + ") not returned; " + size;
    return new ReadBody(null, truncated, 0, shownType, note);
  }

  /**
   * @param text the redacted safe part
   * @param rawEnd how far into the decoded window {@code text} reaches
   * @param markerStarts where each {@link SecretRedactor#MARKER} begins in {@code text}
   */
  private record Redacted(String text, int rawEnd, int[] markerStarts) {
    /** Moves a cut that would split a marker to the marker's start: "[RED" helps nobody. */
    int withoutPartialMarker(int cut) {
      for (int start : markerStarts) {
        if (start < cut && cut < start + SecretRedactor.MARKER.length()) {
          return start;
        }
      }
      return cut;
    }
  }

  /** The first bytes of the stream, and whether they were all of it. */
  private record Window(byte[] bytes, int length, boolean endOfStream) {
    static Window read(InputStream in, int size) throws IOException {
      // A stream over bytes already in memory says how many there are: one more byte of room
      // and the read that sees the end needs no larger buffer.
      int known = in.available();
      int first = known > 0 ? (int) Math.min(INITIAL_BUFFER_MAX, known + 1L) : INITIAL_BUFFER;
      byte[] buffer = new byte[Math.min(size, first)];
      int length = 0;
      while (length < size) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(size, 2L * buffer.length));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return new Window(buffer, length, true);
        }
        length += n;
      }
      return new Window(buffer, length, false);
    }
  }
}
