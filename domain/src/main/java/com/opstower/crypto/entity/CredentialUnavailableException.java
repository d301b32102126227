package com.opstower.crypto.entity;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;

/**
 * A stored credential cannot be used: its key is not loaded, the row was tampered with, or the
 * ciphertext belongs to another row or field. The detail is deliberately the same for every cause
 * so that it tells an attacker nothing about the ciphertext.
 */
public class CredentialUnavailableException extends ProblemException {

  public static final String DETAIL =
      "The stored credential of this connection cannot be decrypted."
          + " Re-enter it or restore the encryption key.";

  public CredentialUnavailableException() {
    super(ProblemCode.CREDENTIAL_UNAVAILABLE, DETAIL);
  }
}
