package com.opstower.api;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies strictly: malformed JSON, a non-object body, a field of the wrong type or an
 * unknown field give a 400 {@code invalid-request} that names the field, never a 500.
 */
public final class JsonInput {

  /** Created once: each {@code Json.createParser} would look the provider up (ServiceLoader). */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private final JsonObject object;
  private final String prefix;

  private JsonInput(JsonObject object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  public static JsonInput parse(String body, Set<String> knownFields) {
    if (body == null || body.isBlank()) {
      throw invalid("", "Send a JSON object as the request body.");
    }
    JsonValue value = readOneValue(body);
    if (!(value instanceof JsonObject object)) {
      throw invalid("", "The request body must be a JSON object.");
    }
    return new JsonInput(object, "").requireKnown(knownFields);
  }

  /**
   * The body's one JSON value. Anything after it, and every way the parser can give up (its nesting
   * and number limits throw other runtime exceptions than JsonException), is malformed JSON.
   */
  private static JsonValue readOneValue(String body) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
      if (!parser.hasNext()) {
        throw new JsonException("no value");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new JsonException("content after the value");
      }
      return value;
    } catch (RuntimeException malformed) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST, "The request body is not valid JSON.");
    }
  }

  /** Fails for any field not in {@code known}: a typo should not be silently ignored. */
  public JsonInput requireKnown(Set<String> known) {
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw invalidField(key, "Unknown field '" + prefix + safe(key) + "'.");
      }
    }
    return this;
  }

  /** A string field, null when absent or JSON null. */
  public String string(String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw invalidField(field, "Field '" + prefix + field + "' must be a string.");
  }

  public JsonInput object(String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonObject nested) {
      return new JsonInput(nested, prefix + field + ".");
    }
    throw invalidField(field, "Field '" + prefix + field + "' must be an object.");
  }

  public List<String> strings(String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalidField(field, "Field '" + prefix + field + "' must be an array of strings.");
    }
    return value.asJsonArray().stream()
        .map(
            item -> {
              if (item instanceof JsonString text) {
                return text.getString();
              }
              throw invalidField(
                  field, "Field '" + prefix + field + "' must be an array of strings.");
            })
        .toList();
  }

  public boolean has(String field) {
    return object.containsKey(field);
  }

  public JsonValue raw(String field) {
    return object.get(field);
  }

  private ProblemException invalidField(String field, String message) {
    return invalid(prefix + field, message);
  }

  private static ProblemException invalid(String field, String message) {
    List<FieldError> errors = field.isEmpty() ? List.of() : List.of(new FieldError(field, message));
    return new ProblemException(ProblemCode.INVALID_REQUEST, message, errors);
  }

  /**
   * A client-chosen name as it may appear in a problem detail or field path: control characters
   * shown as {@code ?}, at most 64 characters.
   */
  public static String safe(String key) {
    String visible = key.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 64 ? visible.substring(0, 64) + "…" : visible;
  }
}
