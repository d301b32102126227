package com.opstower.ui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UiPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/connections", "/api", "/health", "/health/ready", "/openapi", "/metrics"})
  void leavesTheApiAndOperationsEndpointsAlone(String path) {
    assertTrue(UiPaths.isForeign(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/../connections", "/api/%2e%2e/tokens", "/health/..;/agents"})
  void doesNotLetDotSegmentsPassAsApiPaths(String path) {
    assertFalse(UiPaths.isForeign(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/connections",
        "/apis",
        "/api-docs",
        "/healthz",
        "/metricsx",
        "/openapi.html",
        "/login/../connections",
        "/assets",
        "/loginx",
        "/tokens"
      })
  void treatsLookalikePathsAsUiPagesThatNeedLogin(String path) {
    assertFalse(UiPaths.isForeign(path));
    assertFalse(UiPaths.isOpen(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/assets/pico.min.css", "/assets/app.js"})
  void opensOnlyTheLoginPageAndItsAssets(String path) {
    assertTrue(UiPaths.isOpen(path));
  }
}
