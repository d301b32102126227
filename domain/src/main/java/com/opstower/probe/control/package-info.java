/**
 * Test Connection: one GET to a connection's base URL with its credential, through the same
 * executor, egress policy and deadline as agent calls, turned into the message and hint a person
 * reads next to the connection. It can test a draft before it is saved, and keeps the result of a
 * saved connection's test as its {@code lastTest}.
 *
 * <p>The entry is {@link com.opstower.probe.control.ConnectionTester}, and its result {@link
 * com.opstower.probe.control.ProbeReport} (the contract's {@code TestResult}) is public too; so is
 * the CDI bean {@link com.opstower.probe.control.ConnectionProbe} that runs the request. This
 * feature depends on {@code connection} and {@code execution}; neither depends on it.
 */
package com.opstower.probe.control;
