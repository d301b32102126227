package com.opstower.ui.agent;

import java.util.Locale;

/**
 * What the agent page's "Connect an agent engine" shows: the agent's MCP URL and configuration
 * snippets for common clients, with the token's value when it was just created (shown this once)
 * and a placeholder otherwise.
 *
 * @param token the new token's value, or null to show {@link #PLACEHOLDER}
 */
public record EngineSetup(String mcpUrl, String serverName, String token) {

  static final String PLACEHOLDER = "<token>";

  /** {@code opstower-<agent name as a slug>}, the name clients list the server under. */
  static String serverName(String agentName) {
    String slug =
        agentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-$", "");
    }
    return slug.isEmpty() ? "opstower" : "opstower-" + slug;
  }

  public boolean hasToken() {
    return token != null;
  }

  private String bearer() {
    return "Bearer " + (token == null ? PLACEHOLDER : token);
  }

  /** Claude Code's command line. */
  public String claudeCode() {
    return "claude mcp add --transport http "
        + serverName
        + " "
        + mcpUrl
        + " --header \"Authorization: "
        + bearer()
        + "\"";
  }

  /** The {@code mcpServers} entry most clients' JSON configuration files take. */
  public String jsonConfig() {
    return "{\n  \"mcpServers\": {\n    \""
        + serverName
        + "\": {\n      \"type\": \"http\",\n      \"url\": \""
        + mcpUrl
        + "\",\n      \"headers\": {\"Authorization\": \""
        + bearer()
        + "\"}\n    }\n  }\n}";
  }

  @Override
  public String toString() {
    return "EngineSetup[" + mcpUrl + "]";
  }
}
