package com.opstower.execution.oauth;

import com.opstower.execution.upstream.UpstreamResponse;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;

/**
 * What the token endpoint's answer means: an access token and how long it lives, or {@link
 * TokenRequestFailed}. The body was redacted for the client secret before it gets here; the access
 * token itself is never put into a message.
 */
public record TokenAnswer(String accessToken, Duration lifetime) {

  /** The lifetime assumed when the server does not say ({@code expires_in} is optional). */
  static final Duration UNSAID_LIFETIME = Duration.ofMinutes(5);

  private static final int TEXT_MAX = 200;

  @Override
  public String toString() {
    return "TokenAnswer[lifetime=" + lifetime + "]";
  }

  public static TokenAnswer of(UpstreamResponse response) {
    int status = response.status();
    String text = response.body().body();
    JsonObject json = parse(text);
    if (status < 200 || status > 299 || json == null || !json.containsKey("access_token")) {
      throw refusal(status, json);
    }
    JsonValue token = json.get("access_token");
    if (!(token instanceof JsonString value) || !isHeaderSafe(value.getString())) {
      throw new TokenRequestFailed(
          status,
          null,
          null,
          "The authorization server sent an access token that cannot be sent in an HTTP header.");
    }
    JsonValue type = json.get("token_type");
    if (type instanceof JsonString kind && !kind.getString().equalsIgnoreCase("bearer")) {
      throw new TokenRequestFailed(
          status,
          null,
          null,
          "The authorization server issued a token of type '"
              + oneLine(kind.getString())
              + "'; OpsTower sends bearer tokens only.");
    }
    return new TokenAnswer(value.getString(), lifetime(json.get("expires_in")));
  }

  private static Duration lifetime(JsonValue expiresIn) {
    long seconds = -1;
    if (expiresIn instanceof JsonNumber number) {
      seconds = number.longValue();
    } else if (expiresIn instanceof JsonString string) {
      try {
        seconds = Long.parseLong(string.getString().strip());
      } catch (NumberFormatException notANumber) {
        seconds = -1;
      }
    }
    return seconds > 0
        ? Duration.ofSeconds(Math.min(seconds, Duration.ofDays(366).toSeconds()))
        : UNSAID_LIFETIME;
  }

  private static TokenRequestFailed refusal(int status, JsonObject json) {
    String error = json == null ? null : text(json.get("error"));
    String description = json == null ? null : text(json.get("error_description"));
    StringBuilder detail =
        new StringBuilder("The authorization server refused the token request (HTTP ")
            .append(status)
            .append(')');
    if (error != null) {
      detail.append(": ").append(error);
      if (description != null) {
        detail.append(" — ").append(description);
      }
    } else if (status >= 200 && status <= 299) {
      detail =
          new StringBuilder("The authorization server's answer (HTTP ")
              .append(status)
              .append(") holds no access_token");
    }
    return new TokenRequestFailed(status, error, description, detail.append('.').toString());
  }

  private static JsonObject parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : null;
    } catch (JsonException | IllegalStateException notJson) {
      return null;
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string && !string.getString().isBlank()
        ? oneLine(string.getString())
        : null;
  }

  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < TEXT_MAX; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
    }
    return out.toString().strip();
  }

  private static boolean isHeaderSafe(String token) {
    return !token.isEmpty()
        && token.length() <= 16_384
        && token.chars().allMatch(c -> c > 0x20 && c < 0x7f)
        && !token.toLowerCase(Locale.ROOT).startsWith("bearer ");
  }
}
