/** The activity API: the log of agent calls. */
package com.opstower.activity.boundary;
