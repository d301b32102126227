/** API token pages: create (the value is shown once), list and revoke. */
package com.opstower.ui.token;
