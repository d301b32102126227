package com.opstower.connection.control;

/**
 * The CDI event {@link ConnectionService} fires when a save gave a connection a documentation URL
 * that has not been read (a new URL, or a new base URL the operations are relative to). Observed
 * after the transaction commits, so the fetch never delays or undoes the save.
 */
public record DocsToRead(String connectionId) {}
