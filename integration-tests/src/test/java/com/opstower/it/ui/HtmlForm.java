package com.opstower.it.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A form as a browser without script sends it: fields read from the HTML, the body encoded. */
final class HtmlForm {

  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  private HtmlForm() {}

  /** The value of the input {@code name} in {@code html}, as the server rendered it. */
  static String hiddenValue(String html, String name) {
    Matcher m =
        Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no hidden field " + name);
    }
    Matcher value = VALUE.matcher(m.group());
    if (!value.find()) {
      throw new AssertionError("hidden field " + name + " has no value");
    }
    return value.group(1).replace("&amp;", "&");
  }

  /** {@code application/x-www-form-urlencoded} of names and values: {@code encode("a", "1")}. */
  static String encode(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
