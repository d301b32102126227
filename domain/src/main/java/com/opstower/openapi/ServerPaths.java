package com.opstower.openapi;

import static com.opstower.openapi.SpecNodes.list;
import static com.opstower.openapi.SpecNodes.map;
import static com.opstower.openapi.SpecNodes.text;

import com.opstower.connection.entity.BaseUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a document says its operations live: OpenAPI 3's {@code servers} (variables filled in with
 * their defaults) or Swagger 2's {@code host} and {@code basePath}, each resolved against the
 * connection's base URL. Only the origin (to tell the base URL's own servers from others) and the
 * path prefix matter.
 */
final class ServerPaths {

  /** One server: whether it is on the base URL's origin, its URL for messages, its path. */
  record Server(boolean sameOrigin, String url, String path) {}

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

  private ServerPaths() {}

  static List<Server> of(Map<?, ?> root, boolean swagger2, BaseUrl baseUrl) {
    List<Server> servers = new ArrayList<>();
    if (swagger2) {
      String host = text(root.get("host"));
      String basePath = text(root.get("basePath"));
      if (host == null && basePath == null) {
        return servers;
      }
      String scheme =
          text(list(root.get("schemes")).isEmpty() ? null : list(root.get("schemes")).get(0));
      String url =
          host == null
              ? (basePath == null ? "/" : basePath)
              : (scheme == null ? baseUrl.scheme() : scheme)
                  + "://"
                  + host
                  + (basePath == null ? "" : basePath);
      resolve(url, baseUrl).ifPresent(servers::add);
      return servers;
    }
    for (Object entry : list(root.get("servers"))) {
      Map<?, ?> server = map(entry);
      String url = text(server.get("url"));
      if (url != null) {
        withDefaults(url, map(server.get("variables")))
            .flatMap(filled -> resolve(filled, baseUrl))
            .ifPresent(servers::add);
      }
    }
    return servers;
  }

  private static java.util.Optional<String> withDefaults(String url, Map<?, ?> variables) {
    Matcher matcher = VARIABLE.matcher(url);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = text(map(variables.get(matcher.group(1))).get("default"));
      if (value == null) {
        return java.util.Optional.empty();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return java.util.Optional.of(out.toString());
  }

  private static java.util.Optional<Server> resolve(String url, BaseUrl baseUrl) {
    String trimmed = url.strip();
    try {
      URI base = URI.create(baseUrl.origin() + baseUrl.path() + "/");
      URI resolved = base.resolve(new URI(trimmed.isEmpty() ? "." : trimmed));
      if (resolved.getScheme() == null || resolved.getHost() == null) {
        return java.util.Optional.empty();
      }
      String scheme = resolved.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return java.util.Optional.empty();
      }
      int port = resolved.getPort();
      boolean defaultPort =
          port < 0
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      String origin =
          scheme
              + "://"
              + resolved.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port);
      String path = resolved.getRawPath() == null ? "" : resolved.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return java.util.Optional.of(
          new Server(origin.equals(baseUrl.origin()), SpecNodes.oneLine(trimmed), path));
    } catch (URISyntaxException | IllegalArgumentException invalid) {
      return java.util.Optional.empty();
    }
  }
}
