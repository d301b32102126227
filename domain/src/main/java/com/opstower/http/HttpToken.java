package com.opstower.http;

/** RFC 9110 §5.6.2 {@code token}: what header names (and credential parameter names) must be. */
public final class HttpToken {

  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpToken() {}

  public static boolean isToken(String text) {
    return text != null && !text.isEmpty() && text.chars().allMatch(HttpToken::isTchar);
  }

  public static boolean isTchar(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || TCHAR_SYMBOLS.indexOf(c) >= 0;
  }

  /** Field-value characters we send: visible ASCII, space and tab (no obs-text, no controls). */
  public static boolean isFieldValueChar(int c) {
    return c == '\t' || (c >= 0x20 && c < 0x7f);
  }
}
