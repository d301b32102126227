/** Token services: issuing, authenticating and revoking API tokens. */
package com.opstower.token.control;
