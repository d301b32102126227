/**
 * Agents: the OpsTower AI agents (analyst, debugger, product manager, custom) and their enabled
 * connections.
 */
package com.opstower.agent.entity;
