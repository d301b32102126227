/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4), the wire half: the token request a connection's
 * settings make ({@link com.opstower.execution.oauth.TokenRequest}) and what the authorization
 * server's answer means ({@link com.opstower.execution.oauth.TokenAnswer}): an access token with
 * its lifetime, or a refusal that names the server's {@code error} and {@code error_description}
 * ({@link com.opstower.execution.oauth.TokenRequestFailed}). Sending, caching and retrying live in
 * {@code execution.control}.
 */
package com.opstower.execution.oauth;
