/**
 * The rules of HTTP and URL text that several features share, each written once: the RFC 9110 token
 * and field-value characters ({@link com.opstower.http.HttpToken}), percent-encoding ({@link
 * com.opstower.http.PercentCodec}), media-type syntax ({@link com.opstower.http.MediaTypeSyntax}),
 * the headers an agent may never send and those OpsTower sets itself ({@link
 * com.opstower.http.ReservedHeaders}), and the characters never sent in a URL ({@link
 * com.opstower.http.UnsafeChars}).
 *
 * <p>A leaf: it depends on no other OpsTower package, so the connection rules, the executor and the
 * web UI can all use it. Every class here is public; they are stateless rules, not a service.
 */
package com.opstower.http;
