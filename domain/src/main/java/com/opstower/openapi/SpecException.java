package com.opstower.openapi;

/** A document that could not be read as an API description; the message is for people. */
public final class SpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message, null, false, false);
  }
}
