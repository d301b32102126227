package com.opstower.execution.boundary;

import com.opstower.execution.control.ExecutionResult;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an agent call's answer with the JSON-P generator instead of JSON-B: the same document
 * (every member, nulls included, in the order JSON-B writes them), without binding by reflection on
 * every call — JSON-B was about 5 % of an agent call's CPU.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResultWriter implements MessageBodyWriter<ExecutionResult> {

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == ExecutionResult.class;
  }

  @Override
  public void writeTo(
      ExecutionResult result,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream) {
    write(result, entityStream);
  }

  public static void write(ExecutionResult result, OutputStream out) {
    try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
      members(result, json);
    }
  }

  /**
   * The document as UTF-8 bytes: a generator over a writer takes its buffer from the factory's
   * pool, where one over a stream allocates an encoder's 8 KB per call. The writer starts at about
   * the size the document will have, so the bytes are not copied as they grow (allocation samples
   * at 1,000 calls in flight put those copies at 7 % of the server's allocation), and it encodes as
   * it goes: the text as a string and then as bytes were two more copies, 5 % of the allocation.
   */
  static Utf8Buffer utf8(ExecutionResult result) {
    Utf8Buffer bytes = new Utf8Buffer(expectedLength(result));
    try (JsonGenerator json = GENERATORS.createGenerator(bytes)) {
      members(result, json);
    }
    return bytes;
  }

  /**
   * A little over the document's usual length: the body with some room for escapes, each header,
   * and the fixed members.
   */
  static int expectedLength(ExecutionResult result) {
    long length = 256;
    if (result.body() != null) {
      length += result.body().length() + result.body().length() / 3;
    }
    if (result.headers() != null) {
      for (Map.Entry<String, String> header : result.headers().entrySet()) {
        length += 8 + header.getKey().length();
        length += header.getValue() == null ? 4 : header.getValue().length();
      }
    }
    if (result.note() != null) {
      length += result.note().length();
    }
    return (int) Math.min(length, 1 << 20);
  }

  private static void members(ExecutionResult result, JsonGenerator json) {
    json.writeStartObject();
    nullable(json, "body", result.body());
    json.write("bodyBytes", result.bodyBytes());
    nullable(json, "contentType", result.contentType());
    json.write("durationMs", result.durationMs());
    if (result.headers() == null) {
      json.writeNull("headers");
    } else {
      json.writeStartObject("headers");
      result.headers().forEach((name, value) -> nullable(json, name, value));
      json.writeEnd();
    }
    nullable(json, "note", result.note());
    json.write("status", result.status());
    json.write("truncated", result.truncated());
    json.writeEnd();
  }

  private static void nullable(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }
}
