package io.factoryops.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every row of a sorted query for an export as a series of keyset chunks: the first
 * {@link #FIRST_CHUNK} rows, then each chunk starting right after the last row of the one before
 * ({@code WHERE (k1, …, id) > (last k1, …, last id)}), each chunk twice the size of the one before up to
 * {@link #MAX_CHUNK}. The persistence context is cleared after every chunk, so no more than
 * {@link #MAX_CHUNK} entities are ever held.
 *
 * <p>Why chunks, not one cursor over the whole result (what exports did first):
 * <ul>
 * <li>mysql-connector-j reads a whole result into the heap unless the URL says {@code useCursorFetch=true}
 * (which turns every statement into a server-side prepared one) or the fetch size is
 * {@code Integer.MIN_VALUE}, which Liberty's JDBC wrapper refuses ({@code DSRA9500E}): a million orders
 * were a million-row heap on MySQL/MariaDB.</li>
 * <li>H2 builds a whole result before it hands out its first row: a million orders answered their first
 * byte after 16.8 s. Its {@code LAZY_QUERY_EXECUTION} ended a million-row cursor after 96,869 rows
 * without an error (H2 2.3.232).</li>
 * </ul>
 * A chunk is a bounded query (a LIMIT after an index range where the sort has an index), so the first
 * byte comes after the first small chunk on every database, the heap holds one chunk, and no database
 * resource stays open between chunks. The chunks grow so that a sort the database cannot read from an
 * index (which costs a scan per chunk) needs tens of queries for a million rows, not thousands.
 *
 * <p>Each chunk is read in a transaction of its own, begun and ended here: its query, and what turns its
 * entities into rows (a lookup of the names they refer to, once per chunk), then the transaction ends and
 * its connection goes back to the pool <em>before</em> the rows are handed to the sink that writes them to
 * the client. A client that reads slowly (or not at all) holds a thread and a chunk of rows, never a
 * pooled connection. Consistency is keyset consistency: every row that exists throughout the export
 * appears once (the next chunk starts after the last row's keys, never at an offset), a row inserted
 * while the export runs appears if it sorts after the chunk being read, and a row whose sort key changes
 * between two chunks may be missed or written twice: an export is as consistent as paging through the
 * list. Called inside a transaction (a caller's), the chunks are read in that one instead.
 */
final class KeysetChunks {

    /** {@code factory.export.first-chunk-rows}: the rows of the first chunk (the first byte waits for them). */
    static final int FIRST_CHUNK = 500;
    /** {@code factory.export.max-chunk-rows}: the most rows of a chunk (the heap holds one chunk). */
    static final int MAX_CHUNK = 8000;
    /** {@code factory.export.query-timeout-seconds}: the longest a chunk's query may run. */
    static final int QUERY_TIMEOUT_SECONDS = 600;
    /** {@code factory.export.transaction-timeout-seconds}: the longest a chunk's transaction may last. */
    static final int TRANSACTION_TIMEOUT_SECONDS = 660;

    private KeysetChunks() {}

    /**
     * Hands every row to {@code sink}, in order, a chunk at a time. {@code chunk} makes the query of one chunk:
     * the rows after the given sort-key values (null for the first chunk), at most the given number; each of its
     * results is the entity followed by the values of its sort keys. {@code rows} turns a chunk's entities
     * into the rows handed to {@code sink}, in the chunk's transaction; {@code sink} runs after it ended.
     */
    static <E, R> long forEach(
            EntityManager em,
            Class<E> type,
            BiFunction<List<Object>, Integer, TypedQuery<Object[]>> chunk,
            Function<? super List<E>, ? extends List<? extends R>> rows,
            Consumer<? super R> sink) {
        Config config = ConfigProvider.getConfig();
        int max = Math.max(
                1,
                config.getOptionalValue("factory.export.max-chunk-rows", Integer.class)
                        .orElse(MAX_CHUNK));
        int first = Math.min(
                max,
                Math.max(
                        1,
                        config.getOptionalValue("factory.export.first-chunk-rows", Integer.class)
                                .orElse(FIRST_CHUNK)));
        // a chunk of a sort without an index scans the table: not cut by the data source's queryTimeout
        // (FACTORY_DB_QUERY_TIMEOUT, meant for requests), but by the export's own
        int timeoutMillis = 1000
                * Math.max(
                        1,
                        config.getOptionalValue("factory.export.query-timeout-seconds", Integer.class)
                                .orElse(QUERY_TIMEOUT_SECONDS));
        int transactionSeconds = Math.max(
                1,
                config.getOptionalValue("factory.export.transaction-timeout-seconds", Integer.class)
                        .orElse(TRANSACTION_TIMEOUT_SECONDS));
        ChunkTransaction transaction = ChunkTransaction.begun(transactionSeconds);
        long count = 0;
        int size = first;
        List<Object> last = null;
        while (true) {
            int wanted = size;
            List<Object> after = last;
            Chunk<R> read = transaction.run(() -> {
                TypedQuery<Object[]> query = chunk.apply(after, wanted);
                // neither the persistence context nor EclipseLink's session cache keeps the rows: a
                // non-cacheable entity read in a transaction is also kept in the session's isolated cache,
                // which em.clear() does not empty (a million orders ran a 1 GiB heap out)
                query.setHint("eclipselink.maintain-cache", "false");
                query.setHint("eclipselink.jdbc.fetch-size", Integer.toString(Math.min(wanted, 1000)));
                query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
                List<Object[]> results = query.setMaxResults(wanted).getResultList();
                List<E> entities = new ArrayList<>(results.size());
                for (Object[] result : results) {
                    entities.add(type.cast(result[0]));
                }
                List<? extends R> mapped = rows.apply(entities);
                em.clear();
                Object[] tail = results.isEmpty() ? null : results.get(results.size() - 1);
                return new Chunk<R>(
                        mapped,
                        results.size(),
                        tail == null
                                ? null
                                : new ArrayList<>(Arrays.asList(tail).subList(1, tail.length)));
            });
            // the connection is back in the pool: the client may now take its time
            read.rows().forEach(sink);
            count += read.rows().size();
            if (read.read() < size) {
                return count;
            }
            last = read.lastKeys();
            size = Math.min(size * 2, max);
        }
    }

    /** A chunk's rows, how many entities it read, and the sort keys of its last. */
    private record Chunk<R>(List<? extends R> rows, int read, List<Object> lastKeys) {}
}
