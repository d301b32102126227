/**
 * A connection's documentation as OpsTower knows it: {@link com.opstower.docs.control.DocsRefresh}
 * fetches the documentation URL (through the egress policy, the deadline and the docs rules for
 * credentials), reads it with {@code openapi} and stores what it found with the connection, when
 * the connection is saved with a new documentation URL and when an admin asks for a refresh. Tool
 * listings read the stored catalogue; they never fetch.
 */
package com.opstower.docs.control;
