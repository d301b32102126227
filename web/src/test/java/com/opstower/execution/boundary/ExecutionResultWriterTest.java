package com.opstower.execution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.execution.control.ExecutionResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionResultWriterTest {

  private static String written(ExecutionResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExecutionResultWriter.write(result, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyMemberIsWrittenInTheOrderJsonbWritesThem() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("x-request-id", "42");
    String text =
        written(
            new ExecutionResult(
                201, headers, "application/json", "{\"id\":7}", true, 8192, 35, "cut"));
    assertEquals(
        "{\"body\":\"{\\\"id\\\":7}\",\"bodyBytes\":8192,\"contentType\":\"application/json\","
            + "\"durationMs\":35,\"headers\":{\"content-type\":\"application/json\","
            + "\"x-request-id\":\"42\"},\"note\":\"cut\",\"status\":201,\"truncated\":true}",
        text);
  }

  @Test
  void absentValuesAreNullsAsTheContractShowsThem() {
    JsonObject json =
        Json.createReader(
                new StringReader(
                    written(new ExecutionResult(204, Map.of(), null, "", false, 0, 3, null))))
            .readObject();
    assertEquals(JsonValue.NULL, json.get("contentType"));
    assertEquals(JsonValue.NULL, json.get("note"));
    assertEquals("", json.getString("body"));
    assertTrue(json.getJsonObject("headers").isEmpty());
    assertEquals(
        List.of(
            "body",
            "bodyBytes",
            "contentType",
            "durationMs",
            "headers",
            "note",
            "status",
            "truncated"),
        List.copyOf(json.keySet()));
  }

  @Test
  void anyTextSurvivesTheRoundTrip() {
    String body =
        "quote \" backslash \\ nul \u0000 bell \u0007 line\nsep \u2028 emoji \ud83d\ude00 é";
    JsonObject json =
        Json.createReader(
                new StringReader(
                    written(
                        new ExecutionResult(
                            200,
                            Map.of("x-\u00e9", "v\u0001"),
                            "text/plain",
                            body,
                            false,
                            9,
                            1,
                            null))))
            .readObject();
    assertEquals(body, json.getString("body"));
    assertEquals("v\u0001", json.getJsonObject("headers").getString("x-\u00e9"));
  }

  @Test
  void theBytesAreTheStreamsDocumentAndTheFirstBufferHoldsATypicalAnswer() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      body.append("{\"id\":").append(i).append(",\"name\":\"item ").append(i).append("\"},");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("date", "Thu, 03 Dec 2026 14:00:00 GMT");
    ExecutionResult result =
        new ExecutionResult(
            200, headers, "application/json", body.toString(), false, body.length(), 4, null);
    Utf8Buffer utf8 = ExecutionResultWriter.utf8(result);
    assertEquals(
        written(result),
        new String(utf8.array(), 0, utf8.length(), java.nio.charset.StandardCharsets.UTF_8));
    // quotes escaped once each: the estimate's room for escapes covers an ordinary JSON body
    assertTrue(
        ExecutionResultWriter.expectedLength(result) >= utf8.length(),
        ExecutionResultWriter.expectedLength(result) + " < " + utf8.length());
    assertEquals(
        ExecutionResultWriter.expectedLength(result),
        utf8.array().length,
        "the first buffer was big enough");
  }
}
