/** User services: bootstrap of the first admin, password verification and changes. */
package com.opstower.user.control;
