/**
 * The signed-in user's account: change the password (which ends the user's other sessions);
 * re-encrypt stored secrets after a key change.
 */
package com.opstower.ui.account;
