/** API tokens: hashed bearer tokens with scopes for the {@code /api/v1} JSON API. */
package com.opstower.token.entity;
