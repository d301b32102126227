package com.opstower.mcp.boundary;

import com.opstower.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser pages may call the MCP endpoint: the server's own origin and those listed in {@code
 * opstower.mcp.allowed-origins}. A page elsewhere — say one that re-pointed its own name at this
 * server (DNS rebinding) — sends its own {@code Origin} and is refused. Clients that send no {@code
 * Origin} (CLIs, agent engines) are not browsers and are not concerned.
 */
@ApplicationScoped
class McpOrigins {

  private final Set<String> listed;

  /** For CDI's proxy. */
  McpOrigins() {
    this.listed = Set.of();
  }

  @Inject
  McpOrigins(@ConfigProperty(name = Settings.MCP_ALLOWED_ORIGINS) Optional<String> allowed) {
    this.listed =
        Arrays.stream(allowed.orElse("").split(","))
            .map(String::strip)
            .filter(origin -> !origin.isEmpty())
            .map(McpOrigins::normalised)
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param origin the request's {@code Origin} header, null when it has none
   * @param server the URI the request was sent to (its scheme, host and port)
   */
  boolean allows(String origin, URI server) {
    if (origin == null) {
      return true;
    }
    String asked = normalised(origin.strip());
    String own = normalised(server.getScheme() + "://" + server.getRawAuthority());
    return asked.equals(own) || listed.contains(asked);
  }

  /** Lower case, default port dropped, no trailing slash: {@code HTTPS://A.example:443/} → … */
  static String normalised(String origin) {
    String text = origin.toLowerCase(Locale.ROOT);
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.startsWith("https://") && text.endsWith(":443")) {
      return text.substring(0, text.length() - 4);
    }
    if (text.startsWith("http://") && text.endsWith(":80")) {
      return text.substring(0, text.length() - 3);
    }
    return text;
  }
}
