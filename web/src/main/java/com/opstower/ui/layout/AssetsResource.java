package com.opstower.ui.layout;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The UI's static files. The UI application is mapped to {@code /*}, which hides the container's
 * static file serving, so the few files the pages use are listed here and streamed from the
 * classpath (Pico from its WebJar). Only these names can be fetched. The favicon is an SVG without
 * script or style, so the CSP's {@code img-src 'self'} covers it.
 */
@Path("assets")
public class AssetsResource {

  private record Asset(String resource, String mediaType) {}

  private static final Map<String, Asset> ASSETS =
      Map.of(
          "pico.min.css",
              new Asset(
                  "META-INF/resources/webjars/picocss__pico/" + picoVersion() + "/css/pico.min.css",
                  "text/css; charset=UTF-8"),
          "app.css", new Asset("com/opstower/ui/assets/app.css", "text/css; charset=UTF-8"),
          "app.js", new Asset("com/opstower/ui/assets/app.js", "text/javascript; charset=UTF-8"),
          "connection-form.js",
              new Asset(
                  "com/opstower/ui/assets/connection-form.js", "text/javascript; charset=UTF-8"),
          "favicon.svg", new Asset("com/opstower/ui/assets/favicon.svg", "image/svg+xml"));

  /** The media type {@code name} is served with, or {@code null} if it is not an asset. */
  static String mediaType(String name) {
    Asset asset = ASSETS.get(name);
    return asset == null ? null : asset.mediaType();
  }

  @GET
  @Path("{name}")
  public Response asset(@PathParam("name") String name) {
    Asset asset = ASSETS.get(name);
    InputStream content =
        asset == null
            ? null
            : AssetsResource.class.getClassLoader().getResourceAsStream(asset.resource());
    if (content == null) {
      throw new NotFoundException();
    }
    return Response.ok(content, asset.mediaType()).build();
  }

  /** The WebJar's folder carries its version; the POM is the one place that names it. */
  private static String picoVersion() {
    try (InputStream in =
        AssetsResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/picocss__pico/pom.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "missing");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
