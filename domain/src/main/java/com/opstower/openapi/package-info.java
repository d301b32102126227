/**
 * Reading API documents: an OpenAPI 3.0/3.1 or Swagger 2.0 document, in JSON or YAML, becomes the
 * list of operations an agent may call ({@link com.opstower.openapi.ApiDocuments}). Documents come
 * from the network and may be hostile, so reading is bounded: the text's size is capped before it
 * gets here, YAML aliases, nesting and the expanded size are limited ({@link
 * com.opstower.openapi.SpecTree}), and every failure is a {@link
 * com.opstower.openapi.SpecException} whose message says what was wrong. Pure code: no I/O, no
 * container.
 */
package com.opstower.openapi;
