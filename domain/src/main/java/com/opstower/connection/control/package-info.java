/**
 * Rules and services for connections: what a person or API client may enter for a connection
 * ({@link com.opstower.connection.control.ConnectionValidator}), storing and changing them ({@link
 * com.opstower.connection.control.ConnectionService}) and sealing their secrets again under a new
 * key ({@link com.opstower.connection.control.Reencryption}). The REST API and the web UI both call
 * the same validator, so its messages are written to sit next to a form field.
 *
 * <p>The connection feature knows nothing of the features that use connections: a deletion is
 * announced as a {@link com.opstower.connection.control.ConnectionDeleted} event, which they
 * observe in the same transaction.
 */
package com.opstower.connection.control;
