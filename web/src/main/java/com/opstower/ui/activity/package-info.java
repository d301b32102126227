/** The activity page: the latest agent calls, filtered by agent and connection. */
package com.opstower.ui.activity;
