package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.upsert;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Sales per day: orders, revenue and units of the orders that are not cancelled, on their order day (UTC)
 * ({@code analytics_daily_sales}). Incremental: the {@code SALES_DAY} deltas, keyed by their day.
 */
@ApplicationScoped
class DailySalesFigure implements SummaryFigure {

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas deltas = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.SALES_DAY, true);
        upsert(
                c,
                deltas.sums(),
                "UPDATE analytics_daily_sales SET orders = orders + ?, revenue = revenue + ?, units = units + ?, "
                        + "computed_at = ? WHERE sale_date = ?",
                (p, day, sum) -> {
                    p.setLong(1, sum.count());
                    p.setBigDecimal(2, sum.amount());
                    p.setLong(3, sum.quantity());
                    p.setTimestamp(4, at);
                    p.setDate(5, Date.valueOf(LocalDate.ofEpochDay(day)));
                },
                "INSERT INTO analytics_daily_sales (sale_date, orders, revenue, units, computed_at) VALUES (?, ?, ?, ?, ?)",
                (p, day, sum) -> {
                    p.setDate(1, Date.valueOf(LocalDate.ofEpochDay(day)));
                    p.setLong(2, sum.count());
                    p.setBigDecimal(3, sum.amount());
                    p.setLong(4, sum.quantity());
                    p.setTimestamp(5, at);
                });
        return deltas.rows();
    }

    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_daily_sales");
        long rows = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT CAST(order_date AS DATE), COUNT(*), SUM(total), SUM(units) FROM orders WHERE status <> 'CANCELLED' "
                                + "GROUP BY CAST(order_date AS DATE)");
                PreparedStatement p =
                        c.prepareStatement("INSERT INTO analytics_daily_sales (sale_date, orders, revenue, "
                                + "units, computed_at) VALUES (?, ?, ?, ?, ?)")) {
            while (rs.next()) {
                p.setDate(1, rs.getDate(1));
                p.setLong(2, rs.getLong(2));
                p.setBigDecimal(3, rs.getBigDecimal(3));
                p.setLong(4, rs.getLong(4));
                p.setTimestamp(5, at);
                p.addBatch();
                if (++rows % SummaryTables.BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return rows;
    }
}
