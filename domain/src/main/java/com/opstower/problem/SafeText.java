package com.opstower.problem;

/**
 * Quotes agent-supplied text for a problem detail. Details reach agents, people and logs, so the
 * quoted text is short and shows anything that is not a plain letter, digit or printable ASCII as a
 * {@code \\uXXXX} escape: a CR/LF cannot forge a log line and a look-alike cannot hide what was
 * refused. Never pass a credential here.
 */
public final class SafeText {

  public static final int MAX_CODE_POINTS = 64;

  private SafeText() {}

  public static String quote(String text) {
    if (text == null) {
      return "(none)";
    }
    StringBuilder quoted = new StringBuilder("'");
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (count++ == MAX_CODE_POINTS) {
        quoted.append("...");
        break;
      }
      if ((cp >= 0x20 && cp < 0x7f) || (cp > 0x7f && Character.isLetterOrDigit(cp))) {
        quoted.appendCodePoint(cp);
      } else {
        quoted.append(String.format("\\u%04X", cp));
      }
    }
    return quoted.append('\'').toString();
  }
}
