/**
 * Connection pages: the list, Add Connection (type choice, then the External API form), Test
 * Connection on unsaved input, the detail view with its tool preview, edit and delete.
 */
package com.opstower.ui.connection;
