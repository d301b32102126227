package com.opstower.execution.credential;

import com.opstower.execution.credential.PatternAutomaton.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every credential value a connection holds with {@value #MARKER} wherever an upstream
 * echoes it (docs/security.md §5), whatever the upstream claims about the text: every {@link
 * SecretForms form} of every secret (raw, Base64, hex, the bytes as a wrong charset shows them) is
 * looked for in the text itself and in the text decoded once and twice by {@link TextDecoder}
 * (percent-encoding, JSON and {@code \x} escapes, HTML character references, NULs of UTF-16 read as
 * 8-bit text, in any mix: {@code %2541}, {@code &amp;#65;}, {@code %5Cu0041}).
 *
 * <p>All forms of all secrets are in two automata (one comparing case, one for hex ignoring it),
 * each run once over each of the three views: the cost is linear in the text's length whatever the
 * text or the secrets' length. Matches from all views are mapped back to the original chars and
 * overlapping ones merged, so neither the order of the secrets nor a secret that is a prefix of
 * another can leave a fragment behind. A match may take a little more than the secret (a NUL before
 * it, the Base64 or UTF-16 characters at its edges that mix its bits with a neighbour's; {@code +}
 * and space count as one), never less.
 *
 * <p>{@link #maxFormLength()} bounds how long a match can be, so that the reader can look ahead far
 * enough: with two decoding levels that is about 121 chars per ASCII character of the longest form
 * (hex of the UTF-8 bytes: 2 per byte), e.g. ~5,000 for a 20-char secret, ~1,000,000 for a 4 KB
 * one.
 *
 * <p>Not covered: see {@link SecretForms} and {@link TextDecoder}; Base64 broken into MIME lines.
 * Basic credentials: pass {@code user:pass} as a secret of its own as well as the password (the
 * password alone is also found inside the Base64 of {@code user:pass}, but only when it is at least
 * ~5 bytes long).
 */
public final class SecretRedactor {

  public static final String MARKER = "[REDACTED]";

  /** The text itself, then decoded once, then twice. */
  private static final int DECODING_LEVELS = 2;

  /** A half-open range {@code [start, end)} of a text that holds a secret. */
  public record Span(int start, int end) {}

  private final int secretCount;
  private final PatternAutomaton exact;
  private final PatternAutomaton anyCase;
  private final int maxFormLength;

  public SecretRedactor(Collection<String> secrets) {
    Set<String> distinct = new LinkedHashSet<>();
    if (secrets != null) {
      for (String secret : secrets) {
        if (secret != null && !secret.isEmpty()) {
          distinct.add(secret);
        }
      }
    }
    List<Pattern> exactForms = new ArrayList<>();
    List<Pattern> anyCaseForms = new ArrayList<>();
    for (String secret : distinct) {
      SecretForms forms = SecretForms.of(secret);
      exactForms.addAll(forms.exact());
      anyCaseForms.addAll(forms.anyCase());
    }
    this.secretCount = distinct.size();
    this.exact = PatternAutomaton.of(exactForms, false);
    this.anyCase = PatternAutomaton.of(anyCaseForms, true);
    long longest = 0;
    for (List<Pattern> forms : List.of(exactForms, anyCaseForms)) {
      for (Pattern form : forms) {
        longest = Math.max(longest, longestSpelling(form));
      }
    }
    this.maxFormLength = (int) Math.min(Integer.MAX_VALUE, longest);
  }

  public static SecretRedactor none() {
    return new SecretRedactor(List.of());
  }

  public boolean isEmpty() {
    return secretCount == 0;
  }

  /**
   * The longest text any spelling of any form can occupy, in chars: how far a reader must look
   * ahead so that no secret is cut by the end of what it read.
   */
  public int maxFormLength() {
    return maxFormLength;
  }

  /**
   * An upper bound for the chars a match of {@code form} covers. A level-2 spelling spells again
   * each char of a level-1 spelling; every char of an escape is ASCII, so a code point takes at
   * most {@code longestSpelling(cp) × LONGEST_ASCII_SPELLING} chars (left as it is at level 2, it
   * takes its level-1 spelling plus a NUL's, which is less). An edge unit the match takes along may
   * be any character. The decoder's read-ahead is added (its elements, plus the read-ahead of the
   * last of them) so that a match ending near the end of a window decodes there as it would in the
   * whole stream.
   */
  private static long longestSpelling(Pattern form) {
    String text = form.text();
    long chars = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      chars += twiceDecoded(codePoint);
      i += Character.charCount(codePoint);
    }
    chars += (form.before() + form.after()) * twiceDecoded(Character.MAX_CODE_POINT);
    long readAhead = (long) TextDecoder.READ_AHEAD * (TextDecoder.LONGEST_ASCII_SPELLING + 1);
    return chars + readAhead;
  }

  private static long twiceDecoded(int codePoint) {
    return (long) TextDecoder.longestSpelling(codePoint) * TextDecoder.LONGEST_ASCII_SPELLING;
  }

  public String redact(String text) {
    if (text == null || isEmpty()) {
      return text;
    }
    List<Span> spans = spans(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int position = 0;
    for (Span span : spans) {
      out.append(text, position, span.start()).append(MARKER);
      position = span.end();
    }
    return out.append(text, position, text.length()).toString();
  }

  /** Where secrets occur in {@code text}: sorted, non-overlapping, overlapping matches merged. */
  public List<Span> spans(String text) {
    if (isEmpty() || text.isEmpty()) {
      return new ArrayList<>();
    }
    Matches matches = new Matches(text.length());
    DecodedView view = DecodedView.of(text);
    for (int level = 0; level <= DECODING_LEVELS; level++) {
      if (level > 0) {
        DecodedView decoded = TextDecoder.decode(view);
        if (decoded == view) {
          break; // nothing decoded: a further level would see the same text
        }
        view = decoded;
      }
      exact.scan(view, matches);
      anyCase.scan(view, matches);
    }
    return matches.merged();
  }

  /**
   * The furthest match end per start char: collecting and merging are linear in the text's length,
   * however many matches the views report (one per unit and view at most).
   */
  private static final class Matches implements PatternAutomaton.MatchSink {

    private final int length;
    private int[] furthestEnd;

    Matches(int length) {
      this.length = length;
    }

    @Override
    public void match(int start, int end) {
      if (furthestEnd == null) {
        furthestEnd = new int[length];
      }
      furthestEnd[start] = Math.max(furthestEnd[start], end);
    }

    List<Span> merged() {
      List<Span> spans = new ArrayList<>();
      if (furthestEnd == null) {
        return spans;
      }
      int currentStart = -1;
      int currentEnd = -1;
      for (int start = 0; start < length; start++) {
        int end = furthestEnd[start];
        if (end == 0) {
          continue;
        }
        if (currentStart >= 0 && start < currentEnd) {
          currentEnd = Math.max(currentEnd, end);
        } else {
          if (currentStart >= 0) {
            spans.add(new Span(currentStart, currentEnd));
          }
          currentStart = start;
          currentEnd = end;
        }
      }
      if (currentStart >= 0) {
        spans.add(new Span(currentStart, currentEnd));
      }
      return spans;
    }
  }

  @Override
  public String toString() {
    int patterns = exact.patternCount() + anyCase.patternCount();
    return "SecretRedactor[secrets=" + secretCount + ", patterns=" + patterns + "]";
  }
}
