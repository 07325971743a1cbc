package io.factoryops.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * One summary table of the analytics read model, in both its forms, side by side in one class so that they
 * cannot drift apart: {@link #apply} folds the figure's own deltas into the table (incremental), {@link
 * #rebuild} recomputes the table from the business tables (full). {@link AnalyticsRefresher} runs every
 * figure in one REPEATABLE READ transaction and then consumes the deltas; {@code AnalyticsRefreshIT} checks
 * that both forms equal the live aggregates.
 */
interface SummaryFigure {

    /** Folds this figure's deltas with an id up to {@code maxId} (the refresh's highest); returns the rows read. */
    long apply(Connection c, long maxId, Timestamp at) throws SQLException;

    /** Recomputes this figure's table from the business tables; returns the rows written. */
    long rebuild(Connection c, Timestamp at) throws SQLException;
}
