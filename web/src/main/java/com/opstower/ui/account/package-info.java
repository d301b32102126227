/**
 * The signed-in user's account: change the password; re-encrypt stored secrets after a key change.
 */
package com.opstower.ui.account;
