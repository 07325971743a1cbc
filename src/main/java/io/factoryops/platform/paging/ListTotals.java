package io.factoryops.platform.paging;

import io.factoryops.platform.db.TableWrites;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;

/**
 * The {@code total} of a list, remembered by the count's SQL (its values written in) for
 * {@code factory.paging.total-cache-seconds} (default 5; 0 counts every page) and while no table the
 * count reads has been written on this server since ({@link TableWrites}). Counting is the dearest part
 * of a page over a big table: {@code COUNT} over 20,000 service tickets takes MariaDB 4 ms, the rest of
 * the page 1–2 ms (docs/BENCHMARKS.md). A page therefore shows every write made through this server at
 * once; a write made through another server of a cluster, or straight into the database, reaches the
 * total within the remembering time. {@code has_next} never depends on it: a page reads one row more.
 */
final class ListTotals {

    private static final int MAX_ENTRIES = 10_000;
    private static volatile ListTotals shared;

    private record Entry(long total, long expiresAtNanos, List<String> tables, long[] generations) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    ListTotals(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
    }

    /** The count of a list's filter: remembered, or run. */
    static long count(EntityManager em, TypedQuery<Long> count) {
        ListTotals totals = shared();
        if (totals.ttlNanos <= 0) {
            return count.getSingleResult();
        }
        String sql = sql(em, count);
        return totals.total(sql, TableWrites.tablesIn(sql), count::getSingleResult);
    }

    /**
     * The remembered total of {@code key}, if it has not expired and none of its {@code tables} was written
     * since it was counted; otherwise {@code count}'s, remembered. The generations are read before counting,
     * so that a write that ends while the count runs makes its answer stale at once.
     */
    long total(String key, List<String> tables, LongSupplier count) {
        if (key == null || tables.isEmpty()) {
            return count.getAsLong(); // a count that names no known table cannot be told stale
        }
        long now = clock.getAsLong();
        Entry known = entries.get(key);
        if (known != null
                && now - known.expiresAtNanos() < 0
                && Arrays.equals(known.generations(), TableWrites.generations(known.tables()))) {
            return known.total();
        }
        long[] generations = TableWrites.generations(tables);
        long total = count.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(total, now + ttlNanos, tables, generations));
        return total;
    }

    /** The SQL that the query runs, with its values written in instead of bound (null if EclipseLink has none). */
    private static String sql(EntityManager em, TypedQuery<Long> count) {
        Session session = em.unwrap(Session.class);
        DatabaseQuery query = count.unwrap(DatabaseQuery.class);
        DatabaseRecord none = new DatabaseRecord();
        query.prepareCall(session, none);
        return query.getTranslatedSQLString(session, none);
    }

    private static ListTotals shared() {
        ListTotals totals = shared;
        if (totals == null) {
            long seconds = ConfigProvider.getConfig()
                    .getOptionalValue("factory.paging.total-cache-seconds", Long.class)
                    .orElse(5L);
            totals = new ListTotals(Duration.ofSeconds(Math.max(0, seconds)), MAX_ENTRIES, System::nanoTime);
            shared = totals;
        }
        return totals;
    }
}
