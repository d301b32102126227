package com.opstower.crypto.control;

/**
 * The encryption keys are missing or unusable; start-up must stop. Messages name the setting and
 * the key id but never key material.
 */
public class CryptoConfigurationException extends RuntimeException {

  public CryptoConfigurationException(String message) {
    super(message);
  }

  public CryptoConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
