package com.opstower.mcp.boundary;

import com.opstower.api.ProblemMappers;
import com.opstower.execution.boundary.AgentCallInput;
import com.opstower.execution.boundary.ExecutionResultWriter;
import com.opstower.execution.control.AgentRuntime;
import com.opstower.execution.control.ExecutionResult;
import com.opstower.tool.control.AgentTools;
import com.opstower.tool.control.ToolDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code tools/list} and {@code tools/call}: the agent's tools as MCP tools (the same names,
 * descriptions and schemas as {@code GET …/tools}), and a call executed exactly as {@code POST
 * …/requests} executes its body.
 */
@ApplicationScoped
class McpTools {

  /** For the parameter schemas: plain maps and lists, written as the tools call writes them. */
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject AgentTools tools;

  @Inject AgentRuntime runtime;

  JsonObject list(String agentId) {
    JsonArrayBuilder list = JsonRpc.JSON.createArrayBuilder();
    for (ToolDefinition tool : tools.forAgent(agentId)) {
      JsonObject schema = json(JSONB.toJson(tool.function().parameters()));
      List<String> methods = methods(schema);
      list.add(
          JsonRpc.JSON
              .createObjectBuilder()
              .add("name", tool.function().name())
              .add("description", tool.function().description())
              .add("inputSchema", schema)
              .add(
                  "annotations",
                  JsonRpc.JSON
                      .createObjectBuilder()
                      .add("readOnlyHint", methods.equals(List.of("GET")))
                      .add("destructiveHint", methods.contains("DELETE"))
                      .add("idempotentHint", false)
                      .add("openWorldHint", true)));
    }
    return JsonRpc.JSON.createObjectBuilder().add("tools", list).build();
  }

  /**
   * Runs the call through the agent runtime. A refusal or failure that {@code …/requests} answers
   * with a problem document is a result with {@code isError: true}, not a JSON-RPC error: the model
   * reads it and can correct its call.
   *
   * @throws JsonRpc.Failure {@code -32602} for a missing or unknown tool name or arguments that are
   *     not an object
   */
  CompletionStage<JsonObject> call(String agentId, JsonObject params, String tokenId) {
    if (!(params.get("name") instanceof JsonString name)) {
      throw JsonRpc.Failure.invalidParams("Give the tool's name in params.name.");
    }
    JsonValue arguments = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
    if (!(arguments instanceof JsonObject)) {
      throw JsonRpc.Failure.invalidParams("params.arguments must be an object.");
    }
    ToolDefinition tool =
        tools.forAgent(agentId).stream()
            .filter(t -> t.function().name().equals(name.getString()))
            .findFirst()
            .orElseThrow(
                () ->
                    JsonRpc.Failure.invalidParams(
                        "This agent has no tool named "
                            + quoted(name.getString())
                            + "; tools/list names them."));
    String body = arguments.toString();
    CompletionStage<ExecutionResult> stage;
    try {
      stage =
          runtime.executeAsync(
              agentId, tool.connectionId(), () -> AgentCallInput.read(body), tokenId);
    } catch (RuntimeException refused) {
      stage = CompletableFuture.failedFuture(refused);
    }
    return stage.handle(
        (result, failure) -> failure == null ? success(result) : problem(unwrap(failure)));
  }

  private static JsonObject success(ExecutionResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExecutionResultWriter.write(result, out);
    String text = out.toString(StandardCharsets.UTF_8);
    return content(text, json(text), false);
  }

  /** The problem document {@code …/requests} would have answered, as the call's result. */
  private static JsonObject problem(Throwable failure) {
    Response response = new ProblemMappers.ForEverythingElse().toResponse(failure);
    JsonObject document = json(String.valueOf(response.getEntity()));
    return content(document.getString("detail", "The call failed."), document, true);
  }

  private static JsonObject content(String text, JsonObject structured, boolean isError) {
    JsonObjectBuilder result = JsonRpc.JSON.createObjectBuilder();
    result.add(
        "content",
        JsonRpc.JSON
            .createArrayBuilder()
            .add(JsonRpc.JSON.createObjectBuilder().add("type", "text").add("text", text)));
    result.add("structuredContent", structured);
    result.add("isError", isError);
    return result.build();
  }

  private static List<String> methods(JsonObject schema) {
    JsonObject properties = schema.getJsonObject("properties");
    JsonObject method = properties == null ? null : properties.getJsonObject("method");
    if (method == null || method.getJsonArray("enum") == null) {
      return List.of();
    }
    return method.getJsonArray("enum").getValuesAs(JsonString::getString);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = JsonRpc.READERS.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String quoted(String name) {
    String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
