package io.factoryops.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the {@link SummaryFigure}s share: reading their deltas, batched upserts and inserts. */
final class SummaryTables {

    static final int BATCH = 1000;

    private SummaryTables() {}

    /** The deltas of one key summed: quantity, amount, count, the latest event, and whether any took away. */
    record Sum(long quantity, BigDecimal amount, long count, Timestamp latest, boolean negative) {

        Sum add(Sum other) {
            return new Sum(
                    quantity + other.quantity,
                    amount.add(other.amount),
                    count + other.count,
                    latest.after(other.latest) ? latest : other.latest,
                    negative || other.negative);
        }
    }

    /** The deltas of a kind summed per key, and how many (key, day) rows were read. */
    record Deltas(Map<Long, Sum> sums, long rows) {}

    /**
     * The deltas of {@code kind} with an id up to {@code maxId}, summed per key: per {@code key_id}, or per
     * {@code delta_day} as an epoch day when {@code byDay}.
     */
    static Deltas read(Connection c, long maxId, AnalyticsDelta.Kind kind, boolean byDay) throws SQLException {
        Map<Long, Sum> sums = new HashMap<>();
        long rows = readCells(
                c,
                maxId,
                kind,
                "SUM(quantity), SUM(amount), SUM(count_delta), MAX(event_time), MIN(count_delta)",
                rs -> sums.merge(
                        byDay ? rs.getDate(2).toLocalDate().toEpochDay() : rs.getLong(1),
                        new Sum(
                                rs.getLong(3),
                                rs.getBigDecimal(4),
                                rs.getLong(5),
                                rs.getTimestamp(6),
                                rs.getInt(7) < 0),
                        Sum::add));
        return new Deltas(sums, rows);
    }

    @FunctionalInterface
    interface CellReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * The deltas of {@code kind} with an id up to {@code maxId}, one row per (key, day) cell: {@code key_id},
     * {@code delta_day}, then {@code sums} (aggregates of the cell's deltas), each row handed to {@code cell};
     * returns how many cells were read.
     */
    static long readCells(Connection c, long maxId, AnalyticsDelta.Kind kind, String sums, CellReader cell)
            throws SQLException {
        long cells = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT key_id, delta_day, " + sums
                + " FROM analytics_deltas WHERE kind = ? AND id <= ? GROUP BY key_id, delta_day")) {
            p.setString(1, kind.name());
            p.setLong(2, maxId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    cell.read(rs);
                    cells++;
                }
            }
        }
        return cells;
    }

    @FunctionalInterface
    interface Binder<K, V> {
        void bind(PreparedStatement p, K key, V value) throws SQLException;
    }

    /** Batched UPDATE per key; batched INSERT for the keys that had no row yet. */
    static <K, V> void upsert(
            Connection c,
            Map<K, V> values,
            String update,
            Binder<K, V> bindUpdate,
            String insert,
            Binder<K, V> bindInsert)
            throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        List<K> keys = new ArrayList<>(values.keySet());
        List<K> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(update)) {
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<K> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
                for (K key : chunk) {
                    bindUpdate.bind(p, key, values.get(key));
                    p.addBatch();
                }
                int[] counts = p.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        missing.add(chunk.get(i));
                    }
                }
            }
        }
        insertAll(c, missing, insert, (p, key) -> bindInsert.bind(p, key, values.get(key)));
    }

    /** Binds one row of a batched statement. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement p, T row) throws SQLException;
    }

    /** Batched INSERT of every row; returns how many. */
    static <T> long insertAll(Connection c, Collection<T> rows, String insert, RowBinder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement p = c.prepareStatement(insert)) {
            int n = 0;
            for (T row : rows) {
                binder.bind(p, row);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return rows.size();
    }

    /** The latest date of one key, read again from its owner's rows, as JDBC binds it (a Timestamp or Date), or null. */
    @FunctionalInterface
    interface Latest {
        Object of(Connection c, long key) throws SQLException;
    }

    /** After a cancellation or deletion the latest date may have gone: read it again for those keys. */
    static void recomputeLatest(Connection c, Map<Long, Sum> sums, Latest latestOf, String update) throws SQLException {
        Set<Long> keys = new HashSet<>();
        sums.forEach((key, sum) -> {
            if (sum.negative()) {
                keys.add(key);
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement write = c.prepareStatement(update)) {
            for (Long key : keys) {
                write.setObject(1, latestOf.of(c, key));
                write.setLong(2, key);
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    /** Empties a summary table before its rebuild. */
    static void clear(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + table);
        }
    }
}
