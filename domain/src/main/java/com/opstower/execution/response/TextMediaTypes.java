package com.opstower.execution.response;

import java.util.Set;

/** Media types whose bodies are returned to the agent as text; everything else is binary. */
final class TextMediaTypes {

  private static final Set<String> TEXT_APPLICATION_TYPES =
      Set.of(
          "application/json",
          "application/xml",
          "application/javascript",
          "application/x-javascript",
          "application/ecmascript",
          "application/x-www-form-urlencoded",
          "application/yaml",
          "application/x-yaml",
          "application/csv",
          "application/x-ndjson",
          "application/graphql-response+json",
          "application/problem+json");

  private TextMediaTypes() {}

  /**
   * @param mediaType lower-case {@code type/subtype} without parameters
   */
  static boolean isText(String mediaType) {
    return mediaType.startsWith("text/")
        || mediaType.endsWith("+json")
        || mediaType.endsWith("+xml")
        || mediaType.endsWith("+yaml")
        || TEXT_APPLICATION_TYPES.contains(mediaType);
  }
}
