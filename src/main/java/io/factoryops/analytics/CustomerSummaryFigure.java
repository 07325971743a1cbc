package io.factoryops.analytics;

import static io.factoryops.analytics.SummaryTables.insertAll;
import static io.factoryops.analytics.SummaryTables.recomputeLatest;
import static io.factoryops.analytics.SummaryTables.upsert;

import io.factoryops.sales.SalesFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Each customer's lifetime value, order count and last order date ({@code analytics_customer_summary}): the
 * orders that are not cancelled. Incremental: the {@code CUSTOMER} deltas (+1 and the total when an order is
 * placed, −1 and minus it when it is cancelled or counted out by a change); a cancellation may take away the
 * latest order, so the last date of those customers is read again. Full: {@link SalesFacts#customerTotals}.
 */
@ApplicationScoped
class CustomerSummaryFigure implements SummaryFigure {

    private static final String INSERT = "INSERT INTO analytics_customer_summary (customer_id, lifetime_value, "
            + "order_count, last_order_date, computed_at) VALUES (?, ?, ?, ?, ?)";

    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        SummaryTables.Deltas deltas = SummaryTables.read(c, maxId, AnalyticsDelta.Kind.CUSTOMER, false);
        upsert(
                c,
                deltas.sums(),
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
                INSERT,
                (p, key, sum) -> {
                    p.setLong(1, key);
                    p.setBigDecimal(2, sum.amount());
                    p.setLong(3, sum.count());
                    p.setTimestamp(4, sum.latest());
                    p.setTimestamp(5, at);
                });
        recomputeLatest(
                c,
                deltas.sums(),
                (connection, customer) -> timestamp(SalesFacts.lastOrderAt(connection, customer)),
                "UPDATE analytics_customer_summary SET last_order_date = ? WHERE customer_id = ?");
        return deltas.rows();
    }

    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_customer_summary");
        return insertAll(c, SalesFacts.customerTotals(c), INSERT, (p, customer) -> {
            p.setLong(1, customer.customerId());
            p.setBigDecimal(2, customer.total());
            p.setLong(3, customer.orders());
            p.setTimestamp(4, timestamp(customer.lastOrderAt()));
            p.setTimestamp(5, at);
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
