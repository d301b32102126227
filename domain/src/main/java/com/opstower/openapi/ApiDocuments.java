package com.opstower.openapi;

import com.opstower.connection.entity.BaseUrl;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the text a documentation URL served: an OpenAPI 3.0/3.1 or Swagger 2.0 document in JSON or
 * YAML becomes its catalogue ({@link SpecOperations}); anything else (an HTML page, Markdown, a
 * JSON document that is no spec) is plain documentation, of which agents get the URL.
 */
public final class ApiDocuments {

  /** A YAML document that means to be a spec: a top-level {@code openapi:} or {@code swagger:}. */
  private static final Pattern SPEC_YAML =
      Pattern.compile("(?m)^[\"']?(openapi|swagger)[\"']?\\s*:");

  private static final String NOT_A_SPEC =
      "The document is not an OpenAPI or Swagger document; agents get its URL and can fetch it.";

  private ApiDocuments() {}

  /**
   * @param text the document, decoded
   * @param contentType the media type it was served with, or null
   * @param path the documentation URL's path (a {@code .yaml} name tells YAML)
   * @param baseUrl the connection's base URL: operations are listed relative to it
   */
  public static DocsReading read(String text, String contentType, String path, BaseUrl baseUrl) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String trimmed = body.stripLeading();
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String name = path == null ? "" : path.toLowerCase(Locale.ROOT);
    Object tree;
    try {
      if (trimmed.startsWith("{") || trimmed.startsWith("[") || type.contains("json")) {
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
          return DocsReading.text(NOT_A_SPEC);
        }
        tree = SpecTree.json(body);
      } else if (type.contains("yaml")
          || name.endsWith(".yaml")
          || name.endsWith(".yml")
          || SPEC_YAML.matcher(body).find()) {
        tree = SpecTree.yaml(body);
      } else {
        return DocsReading.text(NOT_A_SPEC);
      }
    } catch (SpecException unreadable) {
      return DocsReading.error(unreadable.getMessage());
    }
    if (!(tree instanceof Map<?, ?> root)
        || (!root.containsKey("openapi") && !root.containsKey("swagger"))) {
      return DocsReading.text(NOT_A_SPEC);
    }
    try {
      return SpecOperations.read(root, baseUrl);
    } catch (SpecException invalid) {
      return DocsReading.error(invalid.getMessage());
    }
  }
}
