/**
 * Secrets at rest, as the entities see them. A {@link com.opstower.crypto.entity.SealedSecret} is
 * either a newly entered secret waiting to be encrypted, a stored secret that was decrypted on
 * load, or a stored secret that could not be decrypted (missing key, tampered row). Entities hold
 * it instead of a plain {@code String} so that a secret can never be written unencrypted and an
 * undecryptable row still loads.
 */
package com.opstower.crypto.entity;
