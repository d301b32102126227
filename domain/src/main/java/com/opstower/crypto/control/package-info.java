/**
 * Encryption of credentials at rest: AES-256-GCM with versioned, key-tagged ciphertexts so keys can
 * rotate. {@link com.opstower.crypto.control.KeyRing} holds the configured keys, {@link
 * com.opstower.crypto.control.KeyFile} generates a development key when none is configured, {@link
 * com.opstower.crypto.control.CredentialCipher} seals and opens values, and {@link
 * com.opstower.crypto.control.SecretConverter} plugs it into JPA. The features that store secrets
 * build on it (a converter per column, such as {@code connection.entity.ConnectionSecretConverter},
 * and their own re-encryption of stored rows); this package knows none of them.
 */
package com.opstower.crypto.control;
