package com.opstower.connection.control;

/**
 * Character classes the connection rules share; the HTTP token rule is {@link
 * com.opstower.http.HttpToken}.
 */
final class TextRules {

  private TextRules() {}

  /**
   * Whether {@code text} holds a control character: C0/C1 controls and DEL, the Unicode line and
   * paragraph separators, and the bidirectional embeddings, overrides and isolates that can make a
   * label or description display differently from what it says.
   */
  static boolean hasControl(String text, boolean allowLineBreaksAndTabs) {
    return text.chars()
        .anyMatch(
            c -> {
              if (allowLineBreaksAndTabs && (c == '\n' || c == '\r' || c == '\t')) {
                return false;
              }
              return Character.isISOControl(c)
                  || c == '\u2028'
                  || c == '\u2029'
                  || (c >= '\u202A' && c <= '\u202E')
                  || (c >= '\u2066' && c <= '\u2069');
            });
  }

  /** Visible ASCII and space: what a credential sent in an HTTP header may contain. */
  static boolean isHeaderSafe(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
  }
}
