package com.opstower.http;

/**
 * RFC 9110 §8.3.1 media type syntax: {@code type "/" subtype *( OWS ";" OWS name "=" value )},
 * where type, subtype and name are tokens, parameters may be empty, and a value is a token or a
 * quoted string. Only ASCII is accepted (no obs-text); a quoted string may hold escaped pairs but
 * no controls.
 */
public final class MediaTypeSyntax {

  private MediaTypeSyntax() {}

  /** Whether {@code text} is {@code type "/" subtype}, without parameters or whitespace. */
  public static boolean isTypeAndSubtype(String text) {
    Cursor cursor = new Cursor(text);
    return cursor.token() && cursor.consume('/') && cursor.token() && cursor.atEnd();
  }

  public static boolean isValid(String text) {
    Cursor cursor = new Cursor(text);
    if (!cursor.token() || !cursor.consume('/') || !cursor.token()) {
      return false;
    }
    while (true) {
      cursor.skipWhitespace();
      if (cursor.atEnd()) {
        return true;
      }
      if (!cursor.consume(';')) {
        return false;
      }
      cursor.skipWhitespace();
      if (cursor.atEnd() || cursor.peek() == ';') {
        continue; // RFC 9110 allows empty parameters ("text/plain;")
      }
      if (!cursor.token() || !cursor.consume('=')) {
        return false;
      }
      if (!(cursor.peek() == '"' ? cursor.quotedString() : cursor.token())) {
        return false;
      }
    }
  }

  private static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    int peek() {
      return atEnd() ? -1 : text.charAt(at);
    }

    boolean consume(char expected) {
      if (peek() == expected) {
        at++;
        return true;
      }
      return false;
    }

    void skipWhitespace() {
      while (peek() == ' ' || peek() == '\t') {
        at++;
      }
    }

    boolean token() {
      int start = at;
      while (!atEnd() && HttpToken.isTchar(text.charAt(at))) {
        at++;
      }
      return at > start;
    }

    boolean quotedString() {
      at++; // opening quote
      while (!atEnd()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return true;
        }
        if (c == '\\') {
          if (atEnd() || !HttpToken.isFieldValueChar(text.charAt(at++))) {
            return false;
          }
        } else if (!HttpToken.isFieldValueChar(c)) {
          return false;
        }
      }
      return false;
    }
  }
}
