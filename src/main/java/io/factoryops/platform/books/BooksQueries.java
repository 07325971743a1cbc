package io.factoryops.platform.books;

import io.factoryops.platform.db.SqlReads;
import java.util.List;

/**
 * A {@link BooksCheck} written as SQL: the rows it checks ({@code FROM …}) and the condition a failing row meets, run
 * as two statements in the caller's transaction: one that counts the rows and the failing ones, one that lists the
 * first failing ids.
 */
public final class BooksQueries {

    private BooksQueries() {}

    private record Counts(long checked, long failed) {}

    /**
     * Runs {@code check} over {@code from} (a FROM clause and its joins, no WHERE): {@code failing} is a boolean SQL
     * expression over its columns, {@code id} the column that names a failing row.
     */
    public static BooksCheckResult run(
            SqlReads sql, BooksCheck check, String id, String from, String failing, int limit) {
        Counts counts = sql.list(
                        "SELECT COUNT(*), SUM(CASE WHEN " + failing + " THEN 1 ELSE 0 END) " + from,
                        List.of(),
                        rs -> new Counts(rs.getLong(1), rs.getLong(2)))
                .get(0);
        List<Long> ids = counts.failed() == 0
                ? List.of()
                : sql.list(
                        "SELECT " + id + " " + from + " WHERE " + failing + " ORDER BY " + id + " LIMIT "
                                + Math.max(1, limit),
                        List.of(),
                        rs -> rs.getLong(1));
        return new BooksCheckResult(check.name(), check.description(), counts.checked(), counts.failed(), ids);
    }
}
