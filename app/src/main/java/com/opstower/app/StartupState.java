package com.opstower.app;

import jakarta.enterprise.context.ApplicationScoped;

/** How far the start-up sequence got; read by the readiness check. */
@ApplicationScoped
public class StartupState {

  private volatile boolean keysLoaded;
  private volatile boolean migrated;
  private volatile boolean started;

  void keysLoaded() {
    keysLoaded = true;
  }

  void migrated() {
    migrated = true;
  }

  void started() {
    started = true;
  }

  boolean isKeysLoaded() {
    return keysLoaded;
  }

  boolean isMigrated() {
    return migrated;
  }

  boolean isStarted() {
    return started;
  }
}
