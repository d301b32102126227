/**
 * Connections: the external REST APIs agents may call, with their (sealed) credentials and the text
 * that describes them to agents.
 */
package com.opstower.connection.entity;
