/**
 * The {@code /api/v1} plumbing shared by every feature's resources: bearer-token authentication,
 * scope checks, strict JSON input and problem documents.
 */
package com.opstower.api;
