/**
 * User services: bootstrap of the first admin, password rules, verification and changes, and the
 * credential stamp that lets a password change end a user's other sessions.
 */
package com.opstower.user.control;
