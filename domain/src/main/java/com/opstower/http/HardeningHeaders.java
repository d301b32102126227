package com.opstower.http;

import java.util.Map;

/**
 * The hardening headers on every response of the WAR, whichever part answers: the UI's filter and
 * the agent-call path that answers without JAX-RS set the same ones. The CSP allows only this
 * origin's script and styles (the UI has no inline script or style attribute); {@code data:} images
 * are Pico's inline SVG icons.
 */
public final class HardeningHeaders {

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Name and value of each header, in the order they are set. */
  public static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "same-origin",
          "Cache-Control", "no-store");

  private HardeningHeaders() {}
}
