package com.opstower.execution.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every credential value a connection holds with {@value #MARKER} wherever an upstream
 * echoes it (security.md §5): raw; URL-encoded ({@code %2B} and {@code +}, either hex case, any mix
 * of encoded and unencoded characters); Base64 standard and URL-safe, padded or not, and inside a
 * longer Base64 run; JSON-escaped ({@code \"}, {@code \\}, {@code \/}, {@code \\uXXXX}); hex of the
 * UTF-8 bytes in either case. Combinations come for free (Base64 whose {@code +/=} are
 * percent-encoded or {@code \\u}-escaped).
 *
 * <p>All matches of all forms are collected first and overlapping ones merged, so neither the order
 * of the secrets nor a secret that is a prefix of another can leave a fragment behind.
 *
 * <p>Not covered: double URL-encoding, HTML entities, Base64 broken into MIME lines, other
 * transformations (hashes, reversed text). A Base64 match inside a longer run may leave up to 4
 * bits of the secret in the characters at its edges. Basic credentials: pass {@code user:pass} as a
 * secret of its own as well as the password (the password alone is also found inside the Base64 of
 * {@code user:pass}, but only when it is at least ~5 bytes long).
 */
public final class SecretRedactor {

  public static final String MARKER = "[REDACTED]";

  /** A half-open range {@code [start, end)} of a text that holds a secret. */
  record Span(int start, int end) {}

  private final List<EncodedForm> forms = new ArrayList<>();
  private final int secretCount;
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
    for (String secret : distinct) {
      forms.addAll(SecretForms.of(secret));
    }
    this.secretCount = distinct.size();
    this.maxFormLength = forms.stream().mapToInt(EncodedForm::maxLength).max().orElse(0);
  }

  public static SecretRedactor none() {
    return new SecretRedactor(List.of());
  }

  public boolean isEmpty() {
    return secretCount == 0;
  }

  /** The longest text any form can match, in chars: how far a reader must look ahead. */
  public int maxFormLength() {
    return maxFormLength;
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
  List<Span> spans(String text) {
    List<Span> merged = new ArrayList<>();
    if (isEmpty()) {
      return merged;
    }
    EncodedText encoded = new EncodedText(text);
    int currentStart = -1;
    int currentEnd = -1;
    for (int start = 0; start < text.length(); start++) {
      int end = longestMatchEnd(encoded, start);
      if (end < 0) {
        continue;
      }
      if (currentStart >= 0 && start < currentEnd) {
        currentEnd = Math.max(currentEnd, end);
      } else {
        if (currentStart >= 0) {
          merged.add(new Span(currentStart, currentEnd));
        }
        currentStart = start;
        currentEnd = end;
      }
    }
    if (currentStart >= 0) {
      merged.add(new Span(currentStart, currentEnd));
    }
    return merged;
  }

  private int longestMatchEnd(EncodedText text, int start) {
    int longest = -1;
    for (EncodedForm form : forms) {
      longest = Math.max(longest, form.matchEnd(text, start));
    }
    return longest;
  }

  @Override
  public String toString() {
    return "SecretRedactor[secrets=" + secretCount + ", forms=" + forms.size() + "]";
  }
}
