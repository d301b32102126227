/**
 * Encryption of credentials at rest: AES-256-GCM with versioned, key-tagged ciphertexts so keys can
 * rotate. {@link com.opstower.crypto.control.KeyRing} holds the configured keys, {@link
 * com.opstower.crypto.control.KeyFile} generates a development key when none is configured, {@link
 * com.opstower.crypto.control.CredentialCipher} seals and opens values, and {@link
 * com.opstower.crypto.control.SecretConverter} plugs it into JPA.
 */
package com.opstower.crypto.control;
