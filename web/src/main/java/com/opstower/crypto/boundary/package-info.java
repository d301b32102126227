/** The encryption-keys API: re-encryption after a key rotation. */
package com.opstower.crypto.boundary;
