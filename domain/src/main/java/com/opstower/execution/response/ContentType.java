package com.opstower.execution.response;

import com.opstower.http.MediaTypeSyntax;
import java.util.Locale;

/**
 * The parts of an upstream {@code Content-Type} header the response reader needs: the media type
 * ({@code type/subtype}, lower case) and the {@code charset} parameter. A header that is absent or
 * does not start with a valid {@code token/token} has no media type, so the reader sniffs the
 * bytes.
 */
record ContentType(String mediaType, String charset) {

  static final ContentType ABSENT = new ContentType(null, null);

  static ContentType parse(String header) {
    if (header == null) {
      return ABSENT;
    }
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
    if (!MediaTypeSyntax.isTypeAndSubtype(type)) {
      return ABSENT;
    }
    String charset = semicolon < 0 ? null : charsetParameter(header, semicolon);
    return new ContentType(type.toLowerCase(Locale.ROOT), charset);
  }

  /** Walks {@code ; name=value} parameters; values may be quoted strings with backslash escapes. */
  private static String charsetParameter(String header, int semicolon) {
    int i = semicolon;
    while (i < header.length()) {
      i++; // past ';'
      int nameEnd = i;
      while (nameEnd < header.length() && "=;".indexOf(header.charAt(nameEnd)) < 0) {
        nameEnd++;
      }
      String name = header.substring(i, nameEnd).strip();
      if (nameEnd >= header.length() || header.charAt(nameEnd) == ';') {
        i = nameEnd;
        continue;
      }
      StringBuilder value = new StringBuilder();
      int j = nameEnd + 1;
      while (j < header.length() && (header.charAt(j) == ' ' || header.charAt(j) == '\t')) {
        j++;
      }
      if (j < header.length() && header.charAt(j) == '"') {
        j++;
        while (j < header.length() && header.charAt(j) != '"') {
          if (header.charAt(j) == '\\' && j + 1 < header.length()) {
            j++;
          }
          value.append(header.charAt(j++));
        }
        while (j < header.length() && header.charAt(j) != ';') {
          j++;
        }
      } else {
        while (j < header.length() && header.charAt(j) != ';') {
          value.append(header.charAt(j++));
        }
      }
      if (name.equalsIgnoreCase("charset")) {
        String charset = value.toString().strip();
        return charset.isEmpty() ? null : charset;
      }
      i = j;
    }
    return null;
  }
}
