package io.factoryops.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.function.Consumer;
import org.eclipse.persistence.queries.ScrollableCursor;

/**
 * Reads a query's rows one at a time from the database, for exports of any size: an EclipseLink
 * forward-only {@link ScrollableCursor} over the JDBC result set, never a list of all rows.
 *
 * <p>The JDBC fetch size ({@link #FETCH_SIZE}) decides whether the driver streams:
 * <ul>
 * <li>H2 (embedded) builds a whole result before it hands out the first row: in memory up to its
 * {@code MAX_MEMORY_ROWS}, then in a temporary file, so the heap stays bounded but the first row of a
 * million comes late. Its {@code LAZY_QUERY_EXECUTION} would stream, but a session switched to it for
 * an export ended a million-row cursor after 96,869 rows without an error (H2 2.3.232; not used).</li>
 * <li>mysql-connector-j reads the WHOLE result into the heap unless the URL says
 * {@code useCursorFetch=true}: then it fetches {@link #FETCH_SIZE} rows at a time from a server-side
 * cursor (which MySQL and MariaDB fill in a temporary table before the first row). Its other way,
 * a fetch size of {@code Integer.MIN_VALUE} (row-by-row streaming whatever the URL), cannot be used
 * here: Liberty's JDBC wrapper refuses it ({@code DSRA9500E: Negative values are not allowed for fetch
 * size}). So on MySQL/MariaDB an export's heap is bounded only with {@code useCursorFetch=true} in
 * {@code DB_URL} (README); the URL of {@code .ci/run} has none.</li>
 * </ul>
 * The rows are kept in no cache ({@code eclipselink.maintain-cache=false}) and the persistence context
 * is cleared every {@link #CLEAR_EVERY} rows, so that the entities read stay few; the cursor is closed
 * however the consumer ends.
 */
final class ResultStreaming {

    static final int FETCH_SIZE = 500;
    static final int CLEAR_EVERY = 500;

    private ResultStreaming() {
    }

    static <E> long forEach(EntityManager em, TypedQuery<E> query, Class<E> type, Consumer<? super E> sink) {
        query.setHint("eclipselink.cursor.scrollable", "true");
        query.setHint("eclipselink.cursor.scrollable.result-set-type", "ForwardOnly");
        // neither the persistence context nor EclipseLink's session cache keeps the rows: a non-cacheable
        // entity read in a transaction is also kept in the session's isolated cache, which em.clear() does
        // not empty (a million orders ran a 1 GiB heap out)
        query.setHint("eclipselink.maintain-cache", "false");
        query.setHint("eclipselink.jdbc.fetch-size", Integer.toString(FETCH_SIZE));
        Object result = query.getSingleResult();
        if (!(result instanceof ScrollableCursor cursor)) {
            throw new IllegalStateException("EclipseLink returned " + result + " where a cursor was asked for");
        }
        long rows = 0;
        try {
            while (cursor.hasNext()) {
                sink.accept(type.cast(cursor.next()));
                if (++rows % CLEAR_EVERY == 0) {
                    em.clear();
                }
            }
        } finally {
            cursor.close();
        }
        return rows;
    }


}
