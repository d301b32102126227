/** Users: the people who sign in to the web UI. */
package com.opstower.user.entity;
