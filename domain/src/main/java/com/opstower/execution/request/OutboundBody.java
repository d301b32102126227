package com.opstower.execution.request;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The request body to send and its media type. {@code bytes} is null when there is no body (an
 * empty string is a body of zero bytes). Check it with {@link BodyRules#check} before sending.
 */
public record OutboundBody(byte[] bytes, String contentType) {

  public static final String DEFAULT_JSON_TYPE = "application/json";
  public static final String DEFAULT_TEXT_TYPE = "text/plain; charset=UTF-8";

  private static final OutboundBody NONE = new OutboundBody(null, null);

  public OutboundBody {
    bytes = bytes == null ? null : bytes.clone();
    contentType = bytes == null ? null : contentType;
  }

  public static OutboundBody none() {
    return NONE;
  }

  /** A JSON value (object, array, number…) already serialized by the caller. */
  public static OutboundBody json(String serializedJson, String contentTypeOrNull) {
    Objects.requireNonNull(serializedJson, "serializedJson");
    return new OutboundBody(
        serializedJson.getBytes(StandardCharsets.UTF_8),
        orDefault(contentTypeOrNull, DEFAULT_JSON_TYPE));
  }

  /** A string body, sent as-is in UTF-8. */
  public static OutboundBody text(String text, String contentTypeOrNull) {
    Objects.requireNonNull(text, "text");
    return new OutboundBody(
        text.getBytes(StandardCharsets.UTF_8), orDefault(contentTypeOrNull, DEFAULT_TEXT_TYPE));
  }

  /** A blank {@code contentType} is treated like an absent one: the default applies. */
  private static String orDefault(String contentType, String fallback) {
    return contentType == null || contentType.isBlank() ? fallback : contentType;
  }

  public boolean isPresent() {
    return bytes != null;
  }

  public int length() {
    return bytes == null ? 0 : bytes.length;
  }

  @Override
  public byte[] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboundBody that
        && Arrays.equals(bytes, that.bytes)
        && Objects.equals(contentType, that.contentType);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Objects.hashCode(contentType);
  }

  /** Never the content: an agent body may carry data that does not belong in logs. */
  @Override
  public String toString() {
    return isPresent()
        ? "OutboundBody[" + bytes.length + " bytes, " + contentType + "]"
        : "OutboundBody[none]";
  }
}
