package com.opstower.it.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.opstower.it.Bodies.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real MCP client against the real server: the official TypeScript SDK ({@code
 * @modelcontextprotocol/sdk}, installed from the npm registry by this test with the lock file in
 * {@code src/test/mcp-client}) connects over Streamable HTTP with a bearer token, lists the tools,
 * calls one against WireMock and gets the redacted result. Tagged {@code npm} (needs node, npm and
 * the registry): run by {@code -Pfull}, not by the daily plain verify.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("npm")
class McpClientIT extends RuntimeFixture {

  private static final Path CLIENT = Path.of("target", "mcp-client");
  private static final String SECRET = "sdk-it-secret-" + UUID.randomUUID();

  /** Copies the client next to the build output and installs the SDK once per run. */
  private static synchronized void install() throws Exception {
    if (Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      return;
    }
    Files.createDirectories(CLIENT);
    for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
      Files.copy(
          Path.of("src", "test", "mcp-client", file),
          CLIENT.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
  }

  private static String run(List<String> command, Map<String, String> env, int seconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(CLIENT, "out", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(CLIENT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within " + seconds + " s");
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), command + " failed:\n" + output);
    return output;
  }

  @Test
  void theOfficialSdkListsAndCallsATool() throws Exception {
    install();
    upstream.stubFor(
        get(urlPathEqualTo("/v1/invoices"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"invoices\":[1,2],\"echo\":\"" + SECRET + "\"}")));
    String c = connection(input(upstreamUrl("/v1"), bearer(SECRET)).add("label", "Billing SDK"));
    String agent = agentWith(c);
    String output =
        run(
            List.of("node", "client.mjs"),
            Map.of(
                "MCP_URL",
                base.toString().replaceAll("/$", "") + "/api/v1/agents/" + agent + "/mcp",
                "MCP_TOKEN",
                agentToken(),
                "MCP_TOOL",
                "billing_sdk",
                "MCP_ARGUMENTS",
                "{\"method\":\"GET\",\"path\":\"/invoices\"}"),
            120);
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("{"))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("the client printed no result:\n" + output));
    JsonObject seen = Json.createReader(new StringReader(line)).readObject();

    assertEquals("opstower", seen.getJsonObject("serverVersion").getString("name"));
    assertEquals("2025-11-25", seen.getString("protocolVersion"), "the SDK's newest revision");
    assertEquals(1, seen.getJsonArray("tools").size());
    assertEquals("billing_sdk", seen.getJsonArray("tools").getJsonObject(0).getString("name"));

    JsonObject result = seen.getJsonObject("result");
    assertFalse(result.getBoolean("isError"), result.toString());
    JsonObject structured = result.getJsonObject("structuredContent");
    assertEquals(200, structured.getInt("status"));
    assertTrue(structured.getString("body").contains("\"invoices\":[1,2]"), structured.toString());
    assertFalse(output.contains(SECRET), "the credential never reaches the client");
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/v1/invoices"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET)));

    JsonObject refused = seen.getJsonObject("refused");
    assertTrue(refused.getBoolean("isError"), refused.toString());
    assertEquals("invalid-method", refused.getJsonObject("structuredContent").getString("code"));
    assertEquals(-32602, seen.getJsonObject("unknownTool").getInt("code"), seen.toString());
  }
}
