package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.BATCH;
import static io.factoryops.analytics.SummaryTables.upsert;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * Each product's units sold and revenue (the lines of orders that are not cancelled) and units produced
 * ({@code analytics_product_summary}). Incremental: the {@code PRODUCT_SOLD} deltas of order lines placed,
 * cancelled or changed and the {@code PRODUCT_PRODUCED} deltas of production records.
 */
@ApplicationScoped
class ProductSummaryFigure implements SummaryFigure {

    private static final String INSERT = "INSERT INTO analytics_product_summary (product_id, quantity_sold, revenue, "
            + "quantity_produced, computed_at) VALUES (?, ?, ?, ?, ?)";

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas sold = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.PRODUCT_SOLD, false);
        upsert(
                c,
                sold.sums(),
                "UPDATE analytics_product_summary SET quantity_sold = quantity_sold + ?, revenue = revenue + ?, "
                        + "computed_at = ? WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setBigDecimal(2, sum.amount());
                    p.setTimestamp(3, at);
                    p.setLong(4, key);
                },
                INSERT,
                (p, key, sum) -> bind(p, key, sum.quantity(), sum.amount(), 0, at));
        SummaryTables.Deltas produced = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.PRODUCT_PRODUCED, false);
        upsert(
                c,
                produced.sums(),
                "UPDATE analytics_product_summary SET quantity_produced = quantity_produced + ?, computed_at = ? "
                        + "WHERE product_id = ?",
                (p, key, sum) -> {
                    p.setLong(1, sum.quantity());
                    p.setTimestamp(2, at);
                    p.setLong(3, key);
                },
                INSERT,
                (p, key, sum) -> bind(p, key, 0, BigDecimal.ZERO, sum.quantity(), at));
        return sold.rows() + produced.rows();
    }

    private static void bind(
            PreparedStatement p, long product, long sold, BigDecimal revenue, long produced, Timestamp at)
            throws SQLException {
        p.setLong(1, product);
        p.setLong(2, sold);
        p.setBigDecimal(3, revenue);
        p.setLong(4, produced);
        p.setTimestamp(5, at);
    }

    /** A product's figures while the rebuild adds them up. */
    private static final class Figures {
        long sold;
        BigDecimal revenue = BigDecimal.ZERO;
        long produced;
    }

    /**
     * Everything ever sold, minus the lines of cancelled orders (both read from indexes that hold the summed
     * columns; a join of every line with its order was 20× slower), plus production.
     */
    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_product_summary");
        Map<Long, Figures> figures = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT product_id, SUM(quantity), SUM(line_total) FROM order_lines " + "GROUP BY product_id")) {
                while (rs.next()) {
                    Figures f = figures.computeIfAbsent(rs.getLong(1), k -> new Figures());
                    f.sold += rs.getLong(2);
                    f.revenue = f.revenue.add(rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT l.product_id, SUM(l.quantity), SUM(l.line_total) FROM orders o "
                    + "JOIN order_lines l ON l.order_id = o.id WHERE o.status = 'CANCELLED' GROUP BY l.product_id")) {
                while (rs.next()) {
                    Figures f = figures.computeIfAbsent(rs.getLong(1), k -> new Figures());
                    f.sold -= rs.getLong(2);
                    f.revenue = f.revenue.subtract(rs.getBigDecimal(3));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT product_id, SUM(quantity) FROM production_records " + "GROUP BY product_id")) {
                while (rs.next()) {
                    figures.computeIfAbsent(rs.getLong(1), k -> new Figures()).produced += rs.getLong(2);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            int n = 0;
            for (Map.Entry<Long, Figures> e : figures.entrySet()) {
                bind(p, e.getKey(), e.getValue().sold, e.getValue().revenue, e.getValue().produced, at);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return figures.size();
    }
}
