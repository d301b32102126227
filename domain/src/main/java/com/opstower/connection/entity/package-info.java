/**
 * Connections: the external REST APIs agents may call, with their (sealed) credentials and the text
 * that describes them to agents. The secret column is encrypted by {@link
 * com.opstower.connection.entity.ConnectionSecretConverter}, built on {@code crypto}: this package
 * depends on {@code crypto}, never the reverse.
 */
package com.opstower.connection.entity;
