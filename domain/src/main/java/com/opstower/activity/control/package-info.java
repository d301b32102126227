/** Activity services: recording, pruning and reading the agent call log. */
package com.opstower.activity.control;
