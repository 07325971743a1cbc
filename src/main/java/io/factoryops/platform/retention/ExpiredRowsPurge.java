package io.factoryops.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Deletes the expired rows of every {@link ExpiringRows} table, in batches of {@value #BATCH} rows
 * (one short transaction each), so that a large backlog never holds long locks. Run by
 * {@link PurgeScheduler}; the deleted rows are counted in the metric {@code purge_rows_total}.
 */
@ApplicationScoped
public class ExpiredRowsPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredRowsPurge.class.getName());
    static final int BATCH = 1_000;

    @Inject
    @Any
    Instance<ExpiringRows> tables;

    @Inject
    MetricRegistry metrics;

    /** Purges every table now; returns the rows deleted per table. */
    public Map<String, Integer> run() {
        Instant now = Instant.now();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (ExpiringRows table : tables) {
            int total = 0;
            int batch;
            do {
                batch = table.purgeExpired(now, BATCH);
                total += batch;
            } while (batch == BATCH);
            deleted.put(table.name(), total);
            metrics.counter("purge.rows", new Tag("table", table.name())).inc(total);
        }
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            LOG.info(() -> "Purged expired rows: " + deleted);
        }
        return deleted;
    }
}
