/** Configuration: one catalogue of keys; values come from MicroProfile Config. */
package com.opstower.config;
