/** Agent services: lifecycle of agents and the connections enabled on them. */
package com.opstower.agent.control;
