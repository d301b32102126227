package com.opstower.connection.control;

import java.time.Instant;

/**
 * The CDI event {@link ConnectionService#delete} fires just before it removes a connection. It is
 * delivered synchronously ({@code @Observes}) inside the deleting transaction, so what an observer
 * changes (the agents that drop the connection) commits or rolls back with the deletion. It lets
 * the features that refer to connections clean up without the connection feature knowing them.
 *
 * @param connectionId the connection being deleted
 * @param deletedAt when, for the observers' own {@code updated_at}
 */
public record ConnectionDeleted(String connectionId, Instant deletedAt) {}
