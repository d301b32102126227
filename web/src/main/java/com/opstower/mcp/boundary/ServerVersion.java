package com.opstower.mcp.boundary;

/** The version the server reports to MCP clients: the web module's jar version, when known. */
final class ServerVersion {

  private static final String VERSION =
      java.util.Optional.ofNullable(ServerVersion.class.getPackage().getImplementationVersion())
          .orElse("development");

  private ServerVersion() {}

  static String get() {
    return VERSION;
  }
}
