package com.opstower.connection.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of {@code ConnectionInput} for the OpenAPI document (parsing is strict, by hand). */
@Schema(name = "ConnectionInput")
public record ConnectionInputDoc(
    @Schema(maxLength = 100) String label,
    @Schema(required = true, maxLength = 2048, example = "https://api.example.com/v1")
        String baseUrl,
    AuthDoc auth,
    String docsUrl,
    @Schema(maxLength = 4000) String description) {

  /** {@code auth}: one of bearer, api_key_header, basic, query_param, none. */
  @Schema(name = "ConnectionAuthInput")
  public record AuthDoc(
      @Schema(
              required = true,
              enumeration = {"bearer", "api_key_header", "basic", "query_param", "none"})
          String type,
      @Schema(description = "bearer: the token (write-only)") String token,
      @Schema(description = "api_key_header: the header name") String headerName,
      @Schema(description = "api_key_header: the key (write-only)") String apiKey,
      @Schema(description = "basic: the username") String username,
      @Schema(description = "basic: the password (write-only)") String password,
      @Schema(description = "query_param: the parameter name") String paramName,
      @Schema(description = "query_param: the value (write-only)") String paramValue) {}
}
