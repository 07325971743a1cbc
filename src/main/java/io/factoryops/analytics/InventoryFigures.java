package io.factoryops.analytics;

import io.factoryops.stock.StockStatus;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The dashboard's precomputed inventory figures: {@link #refresh} recomputes each one (its own class,
 * an {@link InventoryFigure}) and writes them together in one transaction, so that a read sees one
 * refresh's values and their {@code as_of}; {@link #read} reads the five rows.
 * Refreshed with the analytics summaries (their timer and {@code POST /api/analytics/refresh}).
 */
@ApplicationScoped
public class InventoryFigures {

    private static final Logger LOG = Logger.getLogger(InventoryFigures.class.getName());

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Inject
    ActivePartsFigure activeParts;

    @Inject
    StockValueFigure stockValue;

    @Inject
    SpendThisMonthFigure spendThisMonth;

    private final InventoryFigure lowStockParts = new PartsInStatusFigure(StockStatus.LOW_STOCK);

    private final InventoryFigure outOfStockParts = new PartsInStatusFigure(StockStatus.OUT_OF_STOCK);

    private final ReentrantLock lock = new ReentrantLock();

    /** The figures as of their last refresh ({@code asOf} null before the first one). */
    public record Snapshot(
            long activeParts,
            BigDecimal stockValue,
            long lowStockParts,
            long outOfStockParts,
            BigDecimal spendThisMonth,
            Instant asOf) {}

    private List<InventoryFigure> figures() {
        return List.of(activeParts, stockValue, lowStockParts, outOfStockParts, spendThisMonth);
    }

    /** Recomputes every figure now; returns how long it took, in milliseconds. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long refresh() {
        lock.lock();
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Instant now = Instant.now();
                for (InventoryFigure figure : figures()) {
                    long began = System.nanoTime();
                    BigDecimal value = figure.compute(c, now);
                    LocalDate period = figure.periodOf(now);
                    try (PreparedStatement p = c.prepareStatement("UPDATE inventory_figures SET amount = ?, "
                            + "period_start = ?, refreshed_at = ?, duration_ms = ? WHERE figure = ?")) {
                        p.setBigDecimal(1, value);
                        p.setDate(2, period == null ? null : Date.valueOf(period));
                        p.setTimestamp(3, Timestamp.from(now));
                        p.setLong(4, (System.nanoTime() - began) / 1_000_000);
                        p.setString(5, figure.key());
                        p.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inventory figures refresh failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.fine(() -> "Inventory figures refreshed in " + ms + " ms");
        return ms;
    }

    /** The figures as last refreshed; a figure about an earlier period than today's reads as zero. */
    @Transactional
    public Snapshot read() {
        record Row(BigDecimal amount, LocalDate period, Instant at) {}
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement p =
                        c.prepareStatement("SELECT figure, amount, period_start, refreshed_at FROM inventory_figures");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                Date period = rs.getDate(3);
                Timestamp at = rs.getTimestamp(4);
                rows.put(
                        rs.getString(1),
                        new Row(
                                rs.getBigDecimal(2).setScale(2),
                                period == null ? null : period.toLocalDate(),
                                at == null ? null : at.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inventory figures read failed", e);
        }
        Instant now = Instant.now();
        Map<String, BigDecimal> values = new HashMap<>();
        Instant asOf = null;
        for (InventoryFigure figure : figures()) {
            Row row = rows.get(figure.key());
            boolean current = row != null
                    && row.at() != null
                    && (row.period() == null || row.period().equals(figure.periodOf(now)));
            values.put(figure.key(), current ? row.amount() : BigDecimal.ZERO.setScale(2));
            if (row != null && row.at() != null && (asOf == null || row.at().isBefore(asOf))) {
                asOf = row.at();
            }
        }
        return new Snapshot(
                values.get(activeParts.key()).longValueExact(),
                values.get(stockValue.key()),
                values.get(lowStockParts.key()).longValueExact(),
                values.get(outOfStockParts.key()).longValueExact(),
                values.get(spendThisMonth.key()),
                asOf);
    }
}
