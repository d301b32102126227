/** The connections API: create, read, change and delete connections. */
package com.opstower.connection.boundary;
