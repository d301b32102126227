/**
 * Who may see the UI: form login against the users table (a servlet-filter gate), the session that
 * carries it, and the HTTP hardening every page gets (security headers, session cookie flags).
 */
package com.opstower.ui.security;
