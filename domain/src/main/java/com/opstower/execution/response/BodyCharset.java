package com.opstower.execution.response;

import com.opstower.execution.credential.SecretRedactor;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The charset a text response is decoded with: the {@code charset} parameter when the JVM knows it,
 * else UTF-8 with a note for the agent (the contract's default).
 */
record BodyCharset(Charset charset, String note) {

  /**
   * Upstream-controlled text in a note is redacted, cut short and limited to charset-name
   * characters (and the brackets of the redaction marker).
   */
  private static final int MAX_NAME_IN_NOTE = 40;

  static BodyCharset resolve(String name, SecretRedactor redactor) {
    if (name == null) {
      return new BodyCharset(StandardCharsets.UTF_8, null);
    }
    try {
      return new BodyCharset(Charset.forName(name), null);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      String shown = printableName(redactor.redact(name));
      return new BodyCharset(
          StandardCharsets.UTF_8, "Unknown charset '" + shown + "'; decoded as UTF-8.");
    }
  }

  private static String printableName(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length() && sb.length() < MAX_NAME_IN_NOTE; i++) {
      char c = name.charAt(i);
      boolean nameChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-_.:+[]".indexOf(c) >= 0;
      sb.append(nameChar ? c : '?');
    }
    return sb.toString();
  }
}
