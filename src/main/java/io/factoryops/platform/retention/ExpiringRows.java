package io.factoryops.platform.retention;

import java.time.Instant;

/**
 * Rows that are useless once expired and are deleted by {@link PurgeScheduler}. A feature owning
 * such rows provides one bean per table; each call deletes at most {@code limit} rows, in a
 * transaction of its own, so that a large backlog is purged in short transactions.
 */
public interface ExpiringRows {

    /** The table's name, for the log and the metrics. */
    String name();

    /** Deletes up to {@code limit} rows that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now, int limit);
}
