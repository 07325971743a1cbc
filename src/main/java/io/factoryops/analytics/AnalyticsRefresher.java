package io.factoryops.analytics;

import io.factoryops.platform.db.LongStatements;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Folds the delta outbox into the summary tables (incremental), or recomputes them from the
 * business tables (full rebuild). Both run in one JDBC transaction at REPEATABLE READ: the deltas and
 * the tables are read from one snapshot, the deltas consumed are exactly those read (a refresh that
 * finds some of them gone rolls back and retries), and writers are never blocked. Refreshes on one
 * server run one at a time; across servers the analytics_state row lock orders them.
 */
@ApplicationScoped
public class AnalyticsRefresher {

    private static final Logger LOG = Logger.getLogger(AnalyticsRefresher.class.getName());
    private static final int BATCH = 1000;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** The application registry: /metrics shows these as application_analytics_refresh_*. */
    @Inject
    MetricRegistry metrics;

    /** The mechanics' work per day: a figure of its own, refreshed in this transaction. */
    @Inject
    MechanicDailyFigure mechanicDaily;

    /**
     * The statements of a refresh are not cut by the data source's queryTimeout (FACTORY_DB_QUERY_TIMEOUT,
     * 30 s, meant for requests): a full rebuild of a million orders reads for minutes; they get this.
     */
    @Inject
    @ConfigProperty(name = "factory.analytics.query-timeout-seconds", defaultValue = "600")
    int queryTimeoutSeconds;

    private final ReentrantLock lock = new ReentrantLock();

    /** What a refresh did. */
    public record Result(String mode, Instant refreshedAt, long durationMs, long rowsProcessed) {
    }

    /** Absorbs the pending deltas. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Result refresh() {
        return run(false);
    }

    /** Recomputes every summary from the business tables. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Result rebuild() {
        return run(true);
    }

    private Result run(boolean full) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    Result result = once(full);
                    metrics.timer("analytics.refresh.duration").update(Duration.ofMillis(result.durationMs()));
                    metrics.counter("analytics.refresh.rows").inc(result.rowsProcessed());
                    return result;
                } catch (ConcurrentRefreshException e) {
                    if (attempt == 3) {
                        throw new IllegalStateException("analytics refresh kept racing another refresh", e);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("analytics refresh failed: " + e.getMessage(), e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static final class ConcurrentRefreshException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private Result once(boolean full) throws SQLException, ConcurrentRefreshException {
        long start = System.nanoTime();
        try (Connection c = LongStatements.withQueryTimeout(dataSource.getConnection(), queryTimeoutSeconds)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT id FROM analytics_state WHERE id = 1 FOR UPDATE").close();
                }
                Instant now = Instant.now();
                List<Long> ids = pendingIds(c);
                long maxId = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
                Timestamp at = Timestamp.from(now);
                long rows = (full ? rebuildAll(c, now) : apply(c, now, maxId))
                        + (full ? mechanicDaily.rebuild(c, at) : mechanicDaily.apply(c, maxId, at));
                deleteDeltas(c, ids, maxId);
                long durationMs = (System.nanoTime() - start) / 1_000_000;
                try (PreparedStatement p = c.prepareStatement("UPDATE analytics_state SET refreshed_at = ?, mode = ?, "
                        + "duration_ms = ?, rows_processed = ?, generation = generation + 1" + (full ? ", last_rebuild_at = ?" : "") + " WHERE id = 1")) {
                    p.setTimestamp(1, Timestamp.from(now));
                    p.setString(2, full ? "full" : "incremental");
                    p.setLong(3, durationMs);
                    p.setLong(4, rows);
                    if (full) {
                        p.setTimestamp(5, Timestamp.from(now));
                    }
                    p.executeUpdate();
                }
                c.commit();
                LOG.fine(() -> (full ? "Full" : "Incremental") + " analytics refresh: " + rows + " rows in " + durationMs + " ms");
                return new Result(full ? "full" : "incremental", now, durationMs, rows);
            } catch (SQLException | RuntimeException | ConcurrentRefreshException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static List<Long> pendingIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM analytics_deltas ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /**
     * Deletes exactly the deltas this refresh read, as id ranges; any missing one means a race. So does
     * a delta at or below the highest id read that is still there: H2's REPEATABLE READ lets rows that
     * another transaction commits later appear (phantoms; MariaDB reads one snapshot), and such a row,
     * committed in a gap of the ids read, was folded in by {@link #apply} but not deleted: folded twice
     * by the next refresh. The refresh is then rolled back and runs again.
     */
    private static void deleteDeltas(Connection c, List<Long> ids, long maxId)
            throws SQLException, ConcurrentRefreshException {
        long deleted = 0;
        try (PreparedStatement p = c.prepareStatement("DELETE FROM analytics_deltas WHERE id BETWEEN ? AND ?")) {
            int i = 0;
            while (i < ids.size()) {
                int j = i;
                while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                    j++;
                }
                p.setLong(1, ids.get(i));
                p.setLong(2, ids.get(j));
                deleted += p.executeUpdate();
                i = j + 1;
            }
        }
        if (deleted != ids.size()) {
            throw new ConcurrentRefreshException();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM analytics_deltas WHERE id <= ?")) {
            p.setLong(1, maxId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    throw new ConcurrentRefreshException();
                }
            }
        }
    }

    // ---------------------------------------------------------------- incremental

    private record Sum(long quantity, BigDecimal amount, long count, Timestamp latest, boolean negative) {
    }

    /** Folds the deltas up to {@code maxId} (the highest one read; later ones wait for the next refresh). */
    private long apply(Connection c, Instant now, long maxId) throws SQLException {
        Map<String, Map<Long, Sum>> byKind = new HashMap<>();
        Map<Long, Map<Date, Long>> daily = new HashMap<>();
        Map<Long, Sum> sales = new HashMap<>(); // keyed by epoch day
        long rows = 0;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT kind, key_id, delta_day, SUM(quantity), SUM(amount), SUM(count_delta), MAX(event_time), "
                        + "MIN(count_delta) FROM analytics_deltas WHERE id <= ? GROUP BY kind, key_id, delta_day")) {
            p.setLong(1, maxId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    long key = rs.getLong(2);
                    if (kind.equals(AnalyticsDelta.Kind.MECHANIC_DAY.name())) {
                        continue; // MechanicDailyFigure folds its own
                    }
                    if (kind.equals("DAILY")) {
                        daily.computeIfAbsent(key, k -> new HashMap<>()).merge(rs.getDate(3), rs.getLong(4), Long::sum);
                    } else if (kind.equals("SALES_DAY")) {
                        sales.merge(rs.getDate(3).toLocalDate().toEpochDay(), new Sum(rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6),
                                rs.getTimestamp(7), rs.getInt(8) < 0), AnalyticsRefresher::add);
                    } else {
                        Sum sum = new Sum(rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6), rs.getTimestamp(7),
                                rs.getInt(8) < 0);
                        byKind.computeIfAbsent(kind, k -> new HashMap<>()).merge(key, sum, AnalyticsRefresher::add);
                    }
                    rows++;
                }
            }
        }
        Timestamp at = Timestamp.from(now);
        upsert(c, byKind.getOrDefault("CUSTOMER", Map.of()),
                "UPDATE analytics_customer_summary SET lifetime_value = lifetime_value + ?, order_count = order_count + ?, "
                        + "last_order_date = CASE WHEN last_order_date IS NULL OR last_order_date < ? THEN ? ELSE last_order_date END, "
                        + "computed_at = ? WHERE customer_id = ?",
                (p, key, sum) -> {
                    p.setBigDecimal(1, sum.amount());
                    p.setLong(2, sum.count());
                    p.setTimestamp(3, sum.latest());
                    p.setTimestamp(4, sum.latest());
                    p.setTimestamp(5, at);
                    p.setLong(6, key);
                },
                "INSERT INTO analytics_customer_summary (customer_id, lifetime_value, order_count, last_order_date, computed_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setBigDecimal(2, sum.amount());
                    p.setLong(3, sum.count());
                    p.setTimestamp(4, sum.latest());
                    p.setTimestamp(5, at);
                });
        recomputeLatest(c, byKind.getOrDefault("CUSTOMER", Map.of()),
                "SELECT MAX(order_date) FROM orders WHERE customer_id = ? AND status <> 'CANCELLED'",
                "UPDATE analytics_customer_summary SET last_order_date = ? WHERE customer_id = ?");
        upsert(c, byKind.getOrDefault("PRODUCT_SOLD", Map.of()),
                "UPDATE analytics_product_summary SET quantity_sold = quantity_sold + ?, revenue = revenue + ?, "
                        + "computed_at = ? WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setBigDecimal(2, sum.amount());
                    p.setTimestamp(3, at);
                    p.setLong(4, key);
                },
                "INSERT INTO analytics_product_summary (product_id, quantity_sold, revenue, quantity_produced, computed_at) "
                        + "VALUES (?, ?, ?, 0, ?)",
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setLong(2, sum.quantity());
                    p.setBigDecimal(3, sum.amount());
                    p.setTimestamp(4, at);
                });
        upsert(c, byKind.getOrDefault("PRODUCT_PRODUCED", Map.of()),
                "UPDATE analytics_product_summary SET quantity_produced = quantity_produced + ?, computed_at = ? "
                        + "WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setTimestamp(2, at);
                    p.setLong(3, key);
                },
                "INSERT INTO analytics_product_summary (product_id, quantity_sold, revenue, quantity_produced, computed_at) "
                        + "VALUES (?, 0, 0, ?, ?)",
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setLong(2, sum.quantity());
                    p.setTimestamp(3, at);
                });
        upsert(c, byKind.getOrDefault("EMPLOYEE", Map.of()),
                "UPDATE analytics_employee_summary SET total_quantity = total_quantity + ?, records = records + ?, "
                        + "last_production_date = CASE WHEN last_production_date IS NULL OR last_production_date < ? "
                        + "THEN ? ELSE last_production_date END, computed_at = ? WHERE employee_id = ?",
                (p, key, sum) -> {
                    Date latest = new Date(sum.latest().getTime());
                    p.setLong(1, sum.quantity());
                    p.setLong(2, sum.count());
                    p.setDate(3, latest);
                    p.setDate(4, latest);
                    p.setTimestamp(5, at);
                    p.setLong(6, key);
                },
                "INSERT INTO analytics_employee_summary (employee_id, total_quantity, records, last_production_date, "
                        + "computed_at) VALUES (?, ?, ?, ?, ?)",
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setLong(2, sum.quantity());
                    p.setLong(3, sum.count());
                    p.setDate(4, new Date(sum.latest().getTime()));
                    p.setTimestamp(5, at);
                });
        recomputeLatest(c, byKind.getOrDefault("EMPLOYEE", Map.of()),
                "SELECT MAX(production_date) FROM production_records WHERE employee_id = ?",
                "UPDATE analytics_employee_summary SET last_production_date = ? WHERE employee_id = ?");
        applyDaily(c, daily, at);
        Sum open = byKind.getOrDefault("OPEN_ORDERS", Map.of()).get(0L);
        if (open != null) {
            try (PreparedStatement p = c.prepareStatement("UPDATE analytics_state SET open_orders = open_orders + ? "
                    + "WHERE id = 1")) {
                p.setLong(1, open.count());
                p.executeUpdate();
            }
        }
        upsert(c, sales,
                "UPDATE analytics_daily_sales SET orders = orders + ?, revenue = revenue + ?, units = units + ?, "
                        + "computed_at = ? WHERE sale_date = ?",
                (p, day, sum) -> {
                    p.setLong(1, sum.count());
                    p.setBigDecimal(2, sum.amount());
                    p.setLong(3, sum.quantity());
                    p.setTimestamp(4, at);
                    p.setDate(5, Date.valueOf(java.time.LocalDate.ofEpochDay(day)));
                },
                "INSERT INTO analytics_daily_sales (sale_date, orders, revenue, units, computed_at) VALUES (?, ?, ?, ?, ?)",
                (p, day, sum) -> {
                    p.setDate(1, Date.valueOf(java.time.LocalDate.ofEpochDay(day)));
                    p.setLong(2, sum.count());
                    p.setBigDecimal(3, sum.amount());
                    p.setLong(4, sum.quantity());
                    p.setTimestamp(5, at);
                });
        return rows;
    }

    private static Sum add(Sum a, Sum b) {
        return new Sum(a.quantity() + b.quantity(), a.amount().add(b.amount()), a.count() + b.count(),
                a.latest().after(b.latest()) ? a.latest() : b.latest(), a.negative() || b.negative());
    }

    @FunctionalInterface
    private interface Binder<V> {
        void bind(PreparedStatement p, long key, V value) throws SQLException;
    }

    /** Batched UPDATE per key; INSERT for the keys that had no row yet. */
    private static <V> void upsert(Connection c, Map<Long, V> values, String update, Binder<V> bindUpdate,
                                   String insert, Binder<V> bindInsert) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        List<Long> keys = new ArrayList<>(values.keySet());
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(update)) {
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
                for (Long key : chunk) {
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
        if (!missing.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement(insert)) {
                for (Long key : missing) {
                    bindInsert.bind(p, key, values.get(key));
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
    }

    /** After a cancellation or deletion the latest date may have gone: read it again for those keys. */
    private static void recomputeLatest(Connection c, Map<Long, Sum> sums, String select, String update)
            throws SQLException {
        Set<Long> keys = new HashSet<>();
        sums.forEach((key, sum) -> {
            if (sum.negative()) {
                keys.add(key);
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement read = c.prepareStatement(select); PreparedStatement write = c.prepareStatement(update)) {
            for (Long key : keys) {
                read.setLong(1, key);
                Object latest;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    latest = rs.getObject(1);
                }
                write.setObject(1, latest);
                write.setLong(2, key);
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    private static void applyDaily(Connection c, Map<Long, Map<Date, Long>> daily, Timestamp at) throws SQLException {
        if (daily.isEmpty()) {
            return;
        }
        List<Object[]> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("UPDATE analytics_daily_production SET total_produced = "
                + "total_produced + ?, computed_at = ? WHERE production_date = ? AND product_id = ?")) {
            List<Object[]> all = new ArrayList<>();
            daily.forEach((product, days) -> days.forEach((day, quantity) -> all.add(new Object[] {product, day, quantity})));
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Object[]> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                for (Object[] row : chunk) {
                    p.setLong(1, (Long) row[2]);
                    p.setTimestamp(2, at);
                    p.setDate(3, (Date) row[1]);
                    p.setLong(4, (Long) row[0]);
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
        insertDaily(c, missing, at);
    }

    private static void insertDaily(Connection c, List<Object[]> rows, Timestamp at) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO analytics_daily_production (production_date, "
                + "product_id, total_produced, computed_at) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (Object[] row : rows) {
                p.setDate(1, (Date) row[1]);
                p.setLong(2, (Long) row[0]);
                p.setLong(3, (Long) row[2]);
                p.setTimestamp(4, at);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    // ---------------------------------------------------------------- full rebuild

    private long rebuildAll(Connection c, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (Statement s = c.createStatement()) {
            for (String table : new String[] {"analytics_customer_summary", "analytics_product_summary",
                    "analytics_employee_summary", "analytics_daily_production", "analytics_daily_sales"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE analytics_state SET open_orders = "
                    + "(SELECT COUNT(*) FROM orders WHERE status = 'PLACED') WHERE id = 1");
        }
        long rows = 0;
        rows += copy(c, "SELECT customer_id, SUM(total), COUNT(*), MAX(order_date) FROM orders "
                        + "WHERE status <> 'CANCELLED' GROUP BY customer_id",
                "INSERT INTO analytics_customer_summary (customer_id, lifetime_value, order_count, last_order_date, "
                        + "computed_at) VALUES (?, ?, ?, ?, ?)", 4, at);
        rows += rebuildProducts(c, at);
        rows += copy(c, "SELECT employee_id, SUM(quantity), COUNT(*), MAX(production_date) FROM production_records "
                        + "GROUP BY employee_id",
                "INSERT INTO analytics_employee_summary (employee_id, total_quantity, records, last_production_date, "
                        + "computed_at) VALUES (?, ?, ?, ?, ?)", 4, at);
        rows += copy(c, "SELECT production_date, product_id, SUM(quantity) FROM production_records "
                        + "GROUP BY production_date, product_id",
                "INSERT INTO analytics_daily_production (production_date, product_id, total_produced, computed_at) "
                        + "VALUES (?, ?, ?, ?)", 3, at);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CAST(order_date AS DATE), COUNT(*), SUM(total), SUM(units) FROM orders WHERE status <> 'CANCELLED' "
                        + "GROUP BY CAST(order_date AS DATE)");
             PreparedStatement p = c.prepareStatement("INSERT INTO analytics_daily_sales (sale_date, orders, revenue, "
                     + "units, computed_at) VALUES (?, ?, ?, ?, ?)")) {
            while (rs.next()) {
                p.setDate(1, rs.getDate(1));
                p.setLong(2, rs.getLong(2));
                p.setBigDecimal(3, rs.getBigDecimal(3));
                p.setLong(4, rs.getLong(4));
                p.setTimestamp(5, at);
                p.addBatch();
                rows++;
            }
            p.executeBatch();
        }
        return rows;
    }

    /** A product's figures while the rebuild adds them up. */
    private static final class ProductFigures {
        long sold;
        BigDecimal revenue = BigDecimal.ZERO;
        long produced;
    }

    /**
     * Products: everything ever sold, minus the lines of cancelled orders (both read from indexes that
     * hold the summed columns; a join of every line with its order was 20× slower), plus production.
     */
    private static long rebuildProducts(Connection c, Timestamp at) throws SQLException {
        Map<Long, ProductFigures> figures = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT product_id, SUM(quantity), SUM(line_total) FROM order_lines "
                    + "GROUP BY product_id")) {
                while (rs.next()) {
                    ProductFigures f = figures.computeIfAbsent(rs.getLong(1), k -> new ProductFigures());
                    f.sold += rs.getLong(2);
                    f.revenue = f.revenue.add(rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT l.product_id, SUM(l.quantity), SUM(l.line_total) FROM orders o "
                    + "JOIN order_lines l ON l.order_id = o.id WHERE o.status = 'CANCELLED' GROUP BY l.product_id")) {
                while (rs.next()) {
                    ProductFigures f = figures.computeIfAbsent(rs.getLong(1), k -> new ProductFigures());
                    f.sold -= rs.getLong(2);
                    f.revenue = f.revenue.subtract(rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT product_id, SUM(quantity) FROM production_records "
                    + "GROUP BY product_id")) {
                while (rs.next()) {
                    figures.computeIfAbsent(rs.getLong(1), k -> new ProductFigures()).produced += rs.getLong(2);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO analytics_product_summary (product_id, "
                + "quantity_sold, revenue, quantity_produced, computed_at) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Long, ProductFigures> e : figures.entrySet()) {
                p.setLong(1, e.getKey());
                p.setLong(2, e.getValue().sold);
                p.setBigDecimal(3, e.getValue().revenue);
                p.setLong(4, e.getValue().produced);
                p.setTimestamp(5, at);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return figures.size();
    }

    /** Streams an aggregate query into a batched insert of the same columns plus computed_at. */
    private static long copy(Connection c, String select, String insert, int columns, Timestamp at) throws SQLException {
        long rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select);
             PreparedStatement p = c.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    p.setObject(i, rs.getObject(i));
                }
                p.setTimestamp(columns + 1, at);
                p.addBatch();
                if (++rows % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return rows;
    }
}
