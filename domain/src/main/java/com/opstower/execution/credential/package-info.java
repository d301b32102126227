/**
 * A connection's credential on one outbound call: what goes on the wire (a header, Basic
 * authentication or a query parameter) and the redactor that hides every form of the secret in what
 * the upstream answers (docs/security.md §5). The entry is {@link
 * com.opstower.execution.credential.Credentials#of}; the injection rules, the secret's forms, the
 * decoder and the matching automaton behind it are package-private.
 *
 * <p>Also public, because they cross into the request and response packages: {@link
 * com.opstower.execution.credential.SecretRedactor} (the response reader and the benchmark use it
 * directly) and the value {@link com.opstower.execution.credential.QueryCredential}.
 */
package com.opstower.execution.credential;
