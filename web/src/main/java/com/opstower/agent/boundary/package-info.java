/** The agents API: agents and the connections enabled on them. */
package com.opstower.agent.boundary;
