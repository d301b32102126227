/**
 * Rules and services for connections: what a person or API client may enter for a connection
 * ({@link com.opstower.connection.control.ConnectionValidator}). The REST API and the web UI both
 * call the same validator, so its messages are written to sit next to a form field.
 */
package com.opstower.connection.control;
