/** JPA plumbing shared by every feature's entities (type converters). */
package com.opstower.persistence;
