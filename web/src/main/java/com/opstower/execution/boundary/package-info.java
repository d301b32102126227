/** The agent runtime API: tool definitions, request execution and documentation for agents. */
package com.opstower.execution.boundary;
