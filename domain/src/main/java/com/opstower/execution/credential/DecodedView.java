package com.opstower.execution.credential;

/**
 * A text as a sequence of UTF-16 units, each knowing the chars {@code [start, end)} of the original
 * text it was decoded from, so that a secret found in the decoded text can be cut out of the
 * original. The view of the text itself copies nothing: unit {@code i} is char {@code i}.
 *
 * <p>A decoded supplementary character is two units with the same range: the automaton compares
 * UTF-16 units, and a match over either half still maps to the whole spelling.
 */
final class DecodedView {

  private final String text;
  private final char[] units;
  private final int[] starts;
  private final int[] ends;
  private final int length;

  private DecodedView(String text, char[] units, int[] starts, int[] ends, int length) {
    this.text = text;
    this.units = units;
    this.starts = starts;
    this.ends = ends;
    this.length = length;
  }

  static DecodedView of(String text) {
    return new DecodedView(text, null, null, null, text.length());
  }

  /** Takes the arrays as they are: the decoder fills them once and hands them over. */
  static DecodedView decoded(char[] units, int[] starts, int[] ends, int length) {
    return new DecodedView(null, units, starts, ends, length);
  }

  int length() {
    return length;
  }

  char unit(int i) {
    return units == null ? text.charAt(i) : units[i];
  }

  /** The first original char unit {@code i} came from. */
  int start(int i) {
    return starts == null ? i : starts[i];
  }

  /** One past the last original char unit {@code i} came from. */
  int end(int i) {
    return ends == null ? i + 1 : ends[i];
  }
}
