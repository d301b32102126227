package com.opstower.execution.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal forms under which an upstream may echo a secret: the raw value, Base64 (standard and
 * URL-safe, with and without padding), the Base64 "core" of the secret when it sits inside a longer
 * Base64 run (a Basic {@code user:pass}, a JWT, a signed blob) and hex of its UTF-8 bytes. Each
 * form is then matched with every per-character spelling by {@link EncodedForm}, which adds the
 * URL-encoded and JSON-escaped variants.
 */
final class SecretForms {

  /**
   * A Base64 core shorter than this (6 chars = 36 bits) would match random Base64 text too often;
   * such short secrets are still redacted in their raw, standalone-Base64 and hex forms.
   */
  static final int MIN_BASE64_CORE = 6;

  private SecretForms() {}

  static List<EncodedForm> of(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    List<EncodedForm> forms = new ArrayList<>();
    Set<String> caseSensitive = new LinkedHashSet<>();
    caseSensitive.add(secret);
    caseSensitive.addAll(base64Forms(bytes));
    for (String literal : caseSensitive) {
      forms.add(EncodedForm.of(literal, false));
    }
    forms.add(EncodedForm.of(HexFormat.of().formatHex(bytes), true));
    return forms;
  }

  static Set<String> base64Forms(byte[] bytes) {
    Set<String> forms = new LinkedHashSet<>();
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
    forms.add(standard);
    forms.add(withoutPadding(standard));
    forms.add(urlSafe);
    forms.add(withoutPadding(urlSafe));
    for (int offset = 0; offset < 3; offset++) {
      String core = core(bytes, offset);
      if (core.length() >= MIN_BASE64_CORE) {
        forms.add(core);
        forms.add(core.replace('+', '-').replace('/', '_'));
      }
    }
    return forms;
  }

  /**
   * The Base64 characters that depend only on the secret's bits when the secret starts {@code
   * offset} bytes after a 3-byte group boundary of a longer encoded run. The characters at either
   * edge mix in neighbouring bits and differ from run to run; they carry at most 4 bits of the
   * secret.
   */
  static String core(byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int from = (8 * offset + 5) / 6;
    int to = (8 * (offset + bytes.length)) / 6;
    return from < to ? encoded.substring(from, to) : "";
  }

  private static String withoutPadding(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
  }
}
