package io.factoryops.analytics;

import io.factoryops.platform.db.LongStatements;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Folds the delta outbox into the summary tables (incremental), or recomputes them from the
 * business tables (full rebuild), each table by its {@link SummaryFigure}. Both run in one JDBC transaction at REPEATABLE READ: the deltas and
 * the tables are read from one snapshot, the deltas consumed are exactly those read (a refresh that
 * finds some of them gone rolls back and retries), and writers are never blocked. Refreshes on one
 * server run one at a time; across servers the analytics_state row lock orders them.
 */
@ApplicationScoped
public class AnalyticsRefresher {

    private static final Logger LOG = Logger.getLogger(AnalyticsRefresher.class.getName());

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** The application registry: /metrics shows these as application_analytics_refresh_*. */
    @Inject
    MetricRegistry metrics;

    @Inject
    CustomerSummaryFigure customers;

    @Inject
    ProductSummaryFigure products;

    @Inject
    EmployeeSummaryFigure employees;

    @Inject
    DailyProductionFigure dailyProduction;

    @Inject
    DailySalesFigure dailySales;

    @Inject
    OpenOrdersFigure openOrders;

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
    public record Result(String mode, Instant refreshedAt, long durationMs, long rowsProcessed) {}

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
                    // PostgreSQL's REPEATABLE READ refuses a row another transaction changed since the snapshot
                    // (40001, "could not serialize access"): a race like the one above, retried the same way
                    if (!"40001".equals(e.getSQLState()) || attempt == 3) {
                        throw new IllegalStateException("analytics refresh failed: " + e.getMessage(), e);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every summary of the read model: one class each, holding its incremental and its full form. */
    private List<SummaryFigure> figures() {
        return List.of(customers, products, employees, dailyProduction, dailySales, openOrders, mechanicDaily);
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
                    s.executeQuery("SELECT id FROM analytics_state WHERE id = 1 FOR UPDATE")
                            .close();
                }
                Instant now = Instant.now();
                List<Long> ids = pendingIds(c);
                long maxId = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
                Timestamp at = Timestamp.from(now);
                long folded = 0;
                for (SummaryFigure figure : figures()) {
                    folded += full ? figure.rebuild(c, at) : figure.apply(c, maxId, at);
                }
                long rows = folded;
                deleteDeltas(c, ids, maxId);
                long durationMs = (System.nanoTime() - start) / 1_000_000;
                try (PreparedStatement p = c.prepareStatement("UPDATE analytics_state SET refreshed_at = ?, mode = ?, "
                        + "duration_ms = ?, rows_processed = ?, generation = generation + 1"
                        + (full ? ", last_rebuild_at = ?" : "") + " WHERE id = 1")) {
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
                LOG.fine(() -> (full ? "Full" : "Incremental") + " analytics refresh: " + rows + " rows in "
                        + durationMs + " ms");
                return new Result(full ? "full" : "incremental", now, durationMs, rows);
            } catch (SQLException | RuntimeException | ConcurrentRefreshException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static List<Long> pendingIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM analytics_deltas ORDER BY id")) {
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
}
