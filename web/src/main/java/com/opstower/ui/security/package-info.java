/**
 * Who may see the UI: form login against the users table (Jakarta Security), the session that
 * carries it, and the HTTP hardening every page gets (security headers, session cookie flags).
 */
package com.opstower.ui.security;
