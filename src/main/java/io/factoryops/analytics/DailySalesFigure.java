package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.upsert;

import io.factoryops.sales.SalesFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Sales per day: orders, revenue and units of the orders that are not cancelled, on their order day (UTC)
 * ({@code analytics_daily_sales}). Incremental: the {@code SALES_DAY} deltas, keyed by their day. Full:
 * {@link SalesFacts#salesPerDay}.
 */
@ApplicationScoped
class DailySalesFigure implements SummaryFigure {

    private static final String INSERT =
            "INSERT INTO analytics_daily_sales (sale_date, orders, revenue, units, computed_at) VALUES (?, ?, ?, ?, ?)";

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
                INSERT,
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
        return SummaryTables.insertAll(c, SalesFacts.salesPerDay(c), INSERT, (p, day) -> {
            p.setDate(1, Date.valueOf(day.day()));
            p.setLong(2, day.orders());
            p.setBigDecimal(3, day.revenue());
            p.setLong(4, day.units());
            p.setTimestamp(5, at);
        });
    }
}
