/**
 * Who may see the UI: form login against the users table (a servlet-filter gate), throttled per
 * username and client address before any password hash is computed, the session that carries it
 * (ended once its password has been changed elsewhere), and the HTTP hardening every page gets
 * (security headers, session cookie flags).
 */
package com.opstower.ui.security;
