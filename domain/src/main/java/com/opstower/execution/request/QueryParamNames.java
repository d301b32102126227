package com.opstower.execution.request;

import com.opstower.http.PercentCodec;
import com.opstower.http.UnsafeChars;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison form of a query parameter name, used to stop an agent from sending the
 * credential's own parameter. It folds what some upstream stack might fold: repeated
 * percent-decoding, {@code +} as space, NFKC (fullwidth letters), invisible characters and NUL
 * (C-string truncation), surrounding whitespace, PHP's array suffix {@code name[]} and its mapping
 * of space, dot and {@code [} to {@code _}, and case. Over-matching only refuses an unusual name;
 * under-matching would let an agent override the credential.
 */
final class QueryParamNames {

  private static final int MAX_DECODE_ROUNDS = 4;
  private static final Pattern ARRAY_SUFFIX = Pattern.compile("(\\[[^\\]]*\\])+$");

  private QueryParamNames() {}

  static String canonical(String name) {
    String folded = name;
    for (int round = 0; round < MAX_DECODE_ROUNDS; round++) {
      String decoded = PercentCodec.decode(folded.replace('+', ' ')).orElse(folded);
      if (decoded.equals(folded)) {
        break;
      }
      folded = decoded;
    }
    folded = Normalizer.normalize(folded, Normalizer.Form.NFKC);
    folded =
        folded
            .codePoints()
            .filter(cp -> !UnsafeChars.isControlOrInvisible(cp))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    folded = ARRAY_SUFFIX.matcher(folded).replaceAll("");
    folded = folded.replace(' ', '_').replace('.', '_').replace('[', '_');
    return folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
