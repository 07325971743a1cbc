package io.factoryops.sales;

import static io.factoryops.platform.db.SqlReads.instant;

import io.factoryops.platform.db.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What sales tells the read models (analytics, reports) about its orders and customers, in bulk: each read is
 * one aggregate statement over {@code orders} and {@code order_lines}, computed by the database. An order
 * counts unless it is cancelled. The reads that take a {@link Connection} run on the caller's (the analytics
 * refresh reads one snapshot on its own); the others join the caller's transaction.
 */
@ApplicationScoped
public class SalesFacts {

    private static final String CANCELLED = OrderStatus.CANCELLED.name();

    @Inject
    SqlReads sql;

    /** A customer's orders that count: their total, how many, and the latest order's time. */
    public record CustomerTotal(long customerId, BigDecimal total, long orders, Instant lastOrderAt) {}

    /** One day's orders that count (UTC): how many, their revenue and their units. */
    public record DaySales(LocalDate day, long orders, BigDecimal revenue, long units) {}

    /** A product's units and revenue over the lines of the orders that count. */
    public record ProductSales(long productId, long quantity, BigDecimal revenue) {}

    /** A customer's orders that count in a period, with its name. */
    public record CustomerSales(long customerId, String name, long orders, BigDecimal total) {}

    /** Per customer with orders that count. */
    public static List<CustomerTotal> customerTotals(Connection c) throws SQLException {
        return SqlReads.list(
                c,
                "SELECT customer_id, SUM(total), COUNT(*), MAX(order_date) FROM orders WHERE status <> '" + CANCELLED
                        + "' GROUP BY customer_id",
                List.of(),
                rs -> new CustomerTotal(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), instant(rs, 4)));
    }

    /** The time of the customer's latest order that counts, or null. */
    public static Instant lastOrderAt(Connection c, long customerId) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT MAX(order_date) FROM orders WHERE customer_id = ? AND status <> '" + CANCELLED + "'",
                List.of(customerId),
                rs -> instant(rs, 1));
    }

    /** Per day (UTC) with orders that count, in no order. */
    public static List<DaySales> salesPerDay(Connection c) throws SQLException {
        return SqlReads.list(
                c,
                "SELECT CAST(order_date AS DATE), COUNT(*), SUM(total), SUM(units) FROM orders WHERE status <> '"
                        + CANCELLED + "' GROUP BY CAST(order_date AS DATE)",
                List.of(),
                rs -> new DaySales(SqlReads.date(rs, 1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)));
    }

    /**
     * Per product ever sold: everything sold minus the lines of cancelled orders (both read from indexes that
     * hold the summed columns; a join of every line with its order was 20× slower). A product whose every order
     * was cancelled is there with zeros.
     */
    public static List<ProductSales> netSalesPerProduct(Connection c) throws SQLException {
        Map<Long, ProductSales> sales = new HashMap<>();
        for (ProductSales sold : SqlReads.list(
                c,
                "SELECT product_id, SUM(quantity), SUM(line_total) FROM order_lines GROUP BY product_id",
                List.of(),
                SalesFacts::productSales)) {
            sales.put(sold.productId(), sold);
        }
        for (ProductSales cancelled : SqlReads.list(
                c,
                "SELECT l.product_id, SUM(l.quantity), SUM(l.line_total) FROM orders o "
                        + "JOIN order_lines l ON l.order_id = o.id WHERE o.status = '" + CANCELLED
                        + "' GROUP BY l.product_id",
                List.of(),
                SalesFacts::productSales)) {
            sales.merge(
                    cancelled.productId(),
                    new ProductSales(
                            cancelled.productId(),
                            -cancelled.quantity(),
                            cancelled.revenue().negate()),
                    (a, b) -> new ProductSales(
                            a.productId(),
                            a.quantity() + b.quantity(),
                            a.revenue().add(b.revenue())));
        }
        return List.copyOf(sales.values());
    }

    /** How many orders are placed and not yet shipped or cancelled. */
    public static long openOrders(Connection c) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT COUNT(*) FROM orders WHERE status = '" + OrderStatus.PLACED.name() + "'",
                List.of(),
                rs -> rs.getLong(1));
    }

    private static ProductSales productSales(ResultSet rs) throws SQLException {
        return new ProductSales(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3));
    }

    /**
     * The products sold most in a period (units, then the higher id), at most {@code limit}: the period's range of
     * ix_orders_date_status_customer (V19) and the orders' lines by ix_order_lines_order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ProductSales> topProducts(Instant start, Instant end, int limit) {
        return topInPeriod(
                "l.product_id, SUM(l.quantity), SUM(l.line_total)",
                "JOIN order_lines l ON l.order_id = o.id",
                "l.product_id ORDER BY 2 DESC, 1 DESC",
                start,
                end,
                limit,
                SalesFacts::productSales);
    }

    /**
     * The customers who bought most in a period (total, then the higher id), at most {@code limit}: the period's
     * range of ix_orders_date_status_customer (V19), which covers the sums.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CustomerSales> topCustomers(Instant start, Instant end, int limit) {
        return topInPeriod(
                "o.customer_id, c.name, COUNT(*), SUM(o.total)",
                "JOIN customers c ON c.id = o.customer_id",
                "o.customer_id, c.name ORDER BY 4 DESC, 1 DESC",
                start,
                end,
                limit,
                rs -> new CustomerSales(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)));
    }

    /** {@code columns} of the orders that count between two instants (inclusive), grouped and ranked. */
    private <T> List<T> topInPeriod(
            String columns,
            String join,
            String groupAndOrder,
            Instant start,
            Instant end,
            int limit,
            SqlReads.Row<T> row) {
        return sql.list(
                "SELECT " + columns + " FROM orders o " + join + " WHERE o.order_date >= ? AND o.order_date <= ? "
                        + "AND o.status <> ? GROUP BY " + groupAndOrder + " LIMIT ?",
                List.of(start, end, OrderStatus.CANCELLED, limit),
                row);
    }

    /** The names of these customers, by id (unknown ids left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, String> customerNames(Collection<Long> ids) {
        return sql.names("customers", ids);
    }
}
