/** The tokens API: issue, list and revoke API tokens. */
package com.opstower.token.boundary;
