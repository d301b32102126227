package com.opstower.openapi;

import static com.opstower.openapi.SpecNodes.list;
import static com.opstower.openapi.SpecNodes.map;
import static com.opstower.openapi.SpecNodes.oneLine;
import static com.opstower.openapi.SpecNodes.resolved;
import static com.opstower.openapi.SpecNodes.text;

import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.DocsKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of an OpenAPI 3.0/3.1 or Swagger 2.0 document, relative to the connection's base
 * URL: each path's template joined to the server's path, kept when it lies under the base URL's
 * path. The summary is the operation's {@code summary}, else its {@code operationId}, else the
 * first sentence of its {@code description}, followed by its query parameters (path-level and
 * {@code $ref}'d ones included).
 *
 * <p>Which server: the first of the base URL's own origin under which some operation lies. When the
 * document names servers only on other hosts (a staging copy, a proxy in front) or none, its paths
 * are taken from the origin's root and, when that leaves nothing under the base path, relative to
 * the base URL itself.
 */
final class SpecOperations {

  /** The methods agents can call, in the order a catalogue lists them per path. */
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private static final int SUMMARY_TEXT_MAX = 110;
  private static final int PATH_MAX = 500;

  /**
   * Bounds on the work one document can cause, whatever its shape (one path item {@code $ref}'d by
   * every path, huge parameter lists, many servers): operations read, parameters looked at per
   * list, query names shown per operation, servers tried.
   */
  static final int MAX_OPERATIONS = 20_000;

  static final int MAX_PARAMETERS = 100;
  static final int MAX_QUERY_NAMES = 20;
  static final int MAX_SERVERS = 10;

  private SpecOperations() {}

  /** A path template's operation before the server is chosen. */
  private record Found(String method, String template, String summary) {}

  static DocsReading read(Map<?, ?> root, BaseUrl baseUrl) {
    boolean swagger2 = !root.containsKey("openapi");
    String version = swagger2 ? text(root.get("swagger")) : text(root.get("openapi"));
    if (swagger2
        ? !"2.0".equals(version) && !"2".equals(version)
        : version == null || !version.startsWith("3.")) {
      throw new SpecException(
          (swagger2 ? "Swagger version " : "OpenAPI version ")
              + (version == null ? "(none)" : SpecNodes.cut(oneLine(version), 20))
              + " is not supported; OpenAPI 3.0, 3.1 and Swagger 2.0 are.");
    }
    Map<?, ?> info = map(root.get("info"));
    String title = titleOf(info);
    List<Found> found = operations(root);
    if (found.isEmpty()) {
      return new DocsReading(
          DocsKind.OPENAPI, title, List.of(), 0, "The document describes no operations.");
    }
    return place(found, ServerPaths.of(root, swagger2, baseUrl), baseUrl, title);
  }

  private static String titleOf(Map<?, ?> info) {
    String name = oneLine(text(info.get("title")));
    String version = oneLine(text(info.get("version")));
    String title = name.isEmpty() ? "" : version.isEmpty() ? name : name + " " + version;
    return title.isEmpty() ? null : SpecNodes.cut(title, 200);
  }

  private static List<Found> operations(Map<?, ?> root) {
    List<Found> found = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map(root.get("paths")).entrySet()) {
      if (found.size() >= MAX_OPERATIONS) {
        break;
      }
      if (!(entry.getKey() instanceof String template) || !usablePath(template)) {
        continue;
      }
      Map<?, ?> item = resolved(entry.getValue(), root);
      Map<String, String> shared = queryParameters(list(item.get("parameters")), root, Map.of());
      for (String method : METHODS) {
        Object operation = item.get(method);
        if (operation instanceof Map<?, ?> op) {
          found.add(
              new Found(method.toUpperCase(Locale.ROOT), template, summaryOf(op, shared, root)));
        }
      }
    }
    return found;
  }

  /**
   * A path template the catalogue can show as it is: ASCII path characters (RFC 3986 pchar, {@code
   * /}, and {@code {}} for parameters) and no dot segments. Anything else (spaces, line or
   * paragraph separators, look-alike or invisible characters) could read as more than a path in a
   * tool description, and the operation is left out.
   */
  static boolean usablePath(String template) {
    if (!template.startsWith("/") || template.length() > PATH_MAX) {
      return false;
    }
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      boolean plain =
          c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@%/{}".indexOf(c) >= 0);
      if (!plain) {
        return false;
      }
    }
    for (String segment : template.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String summaryOf(Map<?, ?> op, Map<String, String> shared, Map<?, ?> root) {
    String text = oneLine(text(op.get("summary")));
    if (text.isEmpty()) {
      text = oneLine(text(op.get("operationId")));
    }
    if (text.isEmpty()) {
      text = firstSentence(oneLine(text(op.get("description"))));
    }
    text = SpecNodes.cut(text, SUMMARY_TEXT_MAX);
    if ("true".equals(text(op.get("deprecated")))) {
      text = text.isEmpty() ? "(deprecated)" : text + " (deprecated)";
    }
    Map<String, String> query = queryParameters(list(op.get("parameters")), root, shared);
    if (!query.isEmpty()) {
      String names = String.join(", ", query.values());
      text = text.isEmpty() ? "query: " + names : text + "; query: " + names;
    }
    return SpecNodes.cut(text, ApiOperation.SUMMARY_MAX);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** Query parameter name → how it is shown ({@code page}, {@code customer (required)}). */
  private static Map<String, String> queryParameters(
      List<?> parameters, Map<?, ?> root, Map<String, String> inherited) {
    Map<String, String> query = new LinkedHashMap<>(inherited);
    for (Object entry : parameters.subList(0, Math.min(parameters.size(), MAX_PARAMETERS))) {
      Map<?, ?> parameter = resolved(entry, root);
      String name = oneLine(text(parameter.get("name")));
      if (!"query".equals(text(parameter.get("in"))) || name.isEmpty() || name.length() > 60) {
        continue;
      }
      boolean required = "true".equals(text(parameter.get("required")));
      if (query.size() < MAX_QUERY_NAMES || query.containsKey(name)) {
        query.put(name, required ? name + " (required)" : name);
      }
    }
    return query;
  }

  /** Chooses the server and turns templates into paths relative to the base URL. */
  private static DocsReading place(
      List<Found> found, List<ServerPaths.Server> servers, BaseUrl baseUrl, String title) {
    String basePath = baseUrl.path();
    servers =
        servers.stream()
            .filter(server -> server.path().isEmpty() || usablePath(server.path()))
            .distinct()
            .limit(MAX_SERVERS)
            .toList();
    boolean anyOwn = servers.stream().anyMatch(ServerPaths.Server::sameOrigin);
    List<String> prefixes = new ArrayList<>();
    servers.stream().filter(ServerPaths.Server::sameOrigin).forEach(s -> prefixes.add(s.path()));
    if (!anyOwn) {
      servers.forEach(s -> prefixes.add(s.path()));
      prefixes.add("");
    }
    for (String prefix : prefixes) {
      List<ApiOperation> kept = under(found, prefix, basePath);
      if (!kept.isEmpty()) {
        return reading(title, kept, found.size(), basePath);
      }
    }
    if (!anyOwn) {
      // the document's paths read as relative to the base URL (a proxy or another host)
      return reading(title, under(found, basePath, basePath), found.size(), basePath);
    }
    String serverPaths =
        String.join(
            ", ",
            servers.stream()
                .filter(ServerPaths.Server::sameOrigin)
                .map(s -> s.path().isEmpty() ? "/" : s.path())
                .distinct()
                .toList());
    return new DocsReading(
        DocsKind.OPENAPI,
        title,
        List.of(),
        0,
        "None of the document's "
            + found.size()
            + (found.size() == 1 ? " operation lies" : " operations lie")
            + " under the base URL's path "
            + (basePath.isEmpty() ? "/" : basePath)
            + " (the document's server path: "
            + SpecNodes.cut(serverPaths, 200)
            + "). Check the base URL.");
  }

  private static List<ApiOperation> under(List<Found> found, String prefix, String basePath) {
    List<ApiOperation> kept = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Found operation : found) {
      String full = prefix + operation.template();
      boolean inside =
          basePath.isEmpty() || full.equals(basePath) || full.startsWith(basePath + "/");
      if (!inside) {
        continue;
      }
      String relative = full.substring(basePath.length());
      String path = relative.isEmpty() ? "/" : relative;
      if (seen.add(operation.method() + " " + path)) {
        kept.add(new ApiOperation(operation.method(), path, operation.summary()));
      }
    }
    return kept;
  }

  private static DocsReading reading(
      String title, List<ApiOperation> kept, int total, String basePath) {
    int left = total - kept.size();
    String message =
        kept.size()
            + (kept.size() == 1 ? " operation" : " operations")
            + " found"
            + (left > 0
                ? "; "
                    + left
                    + (left == 1 ? " lies" : " lie")
                    + " outside the base URL's path "
                    + basePath
                    + " and "
                    + (left == 1 ? "is" : "are")
                    + " left out."
                : ".");
    return new DocsReading(DocsKind.OPENAPI, title, kept, kept.size(), message);
  }
}
