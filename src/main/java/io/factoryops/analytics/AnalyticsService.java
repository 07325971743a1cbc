package io.factoryops.analytics;

import io.factoryops.analytics.AnalyticsResponses.CustomerValue;
import io.factoryops.analytics.AnalyticsResponses.EmployeePerformance;
import io.factoryops.analytics.AnalyticsResponses.ProductOutput;
import io.factoryops.analytics.AnalyticsResponses.TopMechanic;
import io.factoryops.analytics.AnalyticsResponses.TopProduct;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Pagination;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Reads the summaries (ties broken by the higher id, so that the order matches the indexes and
 * needs no sort): index range scans over a few thousand summary rows at most, joined by
 * primary key to the names of the page's rows; the size of the history does not matter.
 *
 * <p>Every read runs in a transaction (its caller's, or its own), so that its JDBC connection is the
 * one the transaction already holds and goes back to the pool when the transaction ends.
 */
@ApplicationScoped
@Transactional
public class AnalyticsService {

    /** The highest lifetime value the summary holds: DECIMAL(16, 2). */
    public static final BigDecimal MAX_LIFETIME_VALUE = new BigDecimal("99999999999999.99");

    /** At most this many page totals are remembered per refresh (thresholds and dates are the caller's). */
    static final int MAX_REMEMBERED_TOTALS = 1_000;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** Page totals as of one refresh (its generation): the summaries change only when a refresh commits. */
    private record Totals(long generation, Map<String, Long> bySql) {}

    private final AtomicReference<Totals> totals = new AtomicReference<>(new Totals(-1, Map.of()));

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** When the summaries were last computed; null before the first refresh. */
    public Instant asOf() {
        List<Instant> at = query("SELECT refreshed_at FROM analytics_state WHERE id = 1", List.of(), rs -> {
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        });
        return at.isEmpty() ? null : at.get(0);
    }

    public Page<EmployeePerformance> employeePerformance(PageRequest page) {
        long total = total("SELECT COUNT(*) FROM analytics_employee_summary WHERE records > 0", List.of());
        List<EmployeePerformance> rows = query(
                "SELECT s.employee_id, e.name, s.total_quantity "
                        + "FROM analytics_employee_summary s JOIN employees e ON e.id = s.employee_id WHERE s.records > 0 "
                        + "ORDER BY s.total_quantity DESC, s.employee_id DESC LIMIT ? OFFSET ?",
                List.of(page.perPage(), page.offset()),
                rs -> new EmployeePerformance(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        return new Page<>(rows, Pagination.of(page, total));
    }

    public List<TopProduct> topProducts(int limit) {
        return query(
                "SELECT s.product_id, p.name, s.quantity_sold FROM analytics_product_summary s "
                        + "JOIN products p ON p.id = s.product_id WHERE s.quantity_sold > 0 "
                        + "ORDER BY s.quantity_sold DESC, s.product_id DESC LIMIT ?",
                List.of(limit),
                rs -> new TopProduct(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    /**
     * Mechanics ranked by tickets worked between two days (inclusive), then labour hours, then parts fitted,
     * then the higher id ({@link MechanicDailyFigure} says what counts): the period's (day, mechanic) rows of
     * the summary, summed per mechanic; only the ranked rows are joined to their names.
     */
    public List<TopMechanic> topMechanics(LocalDate from, LocalDate to, int limit) {
        return query(
                "SELECT x.mechanic_id, m.name, x.tickets, x.hours, x.parts FROM (SELECT mechanic_id, "
                        + "SUM(tickets) tickets, SUM(hours) hours, SUM(parts) parts FROM analytics_mechanic_daily "
                        + "WHERE work_date BETWEEN ? AND ? GROUP BY mechanic_id "
                        + "ORDER BY tickets DESC, hours DESC, parts DESC, mechanic_id DESC LIMIT ?) x "
                        + "JOIN mechanics m ON m.id = x.mechanic_id "
                        + "ORDER BY x.tickets DESC, x.hours DESC, x.parts DESC, x.mechanic_id DESC",
                List.of(Date.valueOf(from), Date.valueOf(to), limit),
                rs -> new TopMechanic(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4).setScale(2),
                        rs.getLong(5)));
    }

    public Page<CustomerValue> customerLifetimeValue(BigDecimal threshold, PageRequest page) {
        long total = total(
                "SELECT COUNT(*) FROM analytics_customer_summary WHERE order_count > 0 " + "AND lifetime_value >= ?",
                List.of(threshold));
        List<CustomerValue> rows = query(
                "SELECT s.customer_id, c.name, s.lifetime_value "
                        + "FROM analytics_customer_summary s JOIN customers c ON c.id = s.customer_id "
                        + "WHERE s.order_count > 0 AND s.lifetime_value >= ? "
                        + "ORDER BY s.lifetime_value DESC, s.customer_id DESC LIMIT ? OFFSET ?",
                List.of(threshold, page.perPage(), page.offset()),
                rs -> new CustomerValue(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
        return new Page<>(rows, Pagination.of(page, total));
    }

    public Page<ProductOutput> productionOn(LocalDate date, PageRequest page) {
        Date day = Date.valueOf(date);
        long total = total(
                "SELECT COUNT(*) FROM analytics_daily_production WHERE production_date = ? " + "AND total_produced > 0",
                List.of(day));
        List<ProductOutput> rows = query(
                "SELECT d.product_id, p.name, d.total_produced "
                        + "FROM analytics_daily_production d JOIN products p ON p.id = d.product_id "
                        + "WHERE d.production_date = ? AND d.total_produced > 0 "
                        + "ORDER BY d.total_produced DESC, d.product_id DESC LIMIT ? OFFSET ?",
                List.of(day, page.perPage(), page.offset()),
                rs -> new ProductOutput(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        return new Page<>(rows, Pagination.of(page, total));
    }

    /**
     * A page total over the summaries, counted once per refresh: the customer-ltv total alone scans
     * every customer's summary row (10,000 rows on MariaDB: the slowest analytics read). A refresh
     * commits its rows and its generation (one more than the last) together, so a total is remembered
     * under the generation read just before it and forgotten when that changes. Not under
     * {@code refreshed_at}: MariaDB 10.x keeps it in whole seconds, and two refreshes in one second would
     * share their totals.
     */
    private long total(String sql, List<Object> parameters) {
        long generation = count("SELECT generation FROM analytics_state WHERE id = 1", List.of());
        Totals current = totals.get();
        if (current.generation() != generation) {
            Totals fresh = new Totals(generation, new ConcurrentHashMap<>());
            current = totals.compareAndSet(current, fresh) ? fresh : totals.get();
        }
        String key = sql + parameters;
        Long total = current.bySql().get(key);
        if (total == null) {
            total = count(sql, parameters);
            if (current.generation() == generation && current.bySql().size() < MAX_REMEMBERED_TOTALS) {
                current.bySql().put(key, total);
            }
        }
        return total;
    }

    private long count(String sql, List<Object> parameters) {
        return query(sql, parameters, rs -> rs.getLong(1)).get(0);
    }

    private <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                p.setObject(i + 1, parameters.get(i));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("analytics query failed", e);
        }
    }

    /** Sales (orders that are not cancelled) between two dates, inclusive. */
    public record Sales(long orders, BigDecimal revenue, long units) {}

    public Sales salesBetween(LocalDate from, LocalDate to) {
        return query(
                        "SELECT COALESCE(SUM(orders), 0), COALESCE(SUM(revenue), 0), COALESCE(SUM(units), 0) "
                                + "FROM analytics_daily_sales WHERE sale_date BETWEEN ? AND ?",
                        List.of(Date.valueOf(from), Date.valueOf(to)),
                        rs -> new Sales(rs.getLong(1), rs.getBigDecimal(2).setScale(2), rs.getLong(3)))
                .get(0);
    }

    /** One day of the daily sales summary (orders that are not cancelled). */
    public record DailySales(LocalDate day, long orders, BigDecimal revenue, long units) {}

    /** The days between two dates, inclusive, that have sales, in date order (the summary's primary key). */
    public List<DailySales> dailySales(LocalDate from, LocalDate to) {
        return query(
                "SELECT sale_date, orders, revenue, units FROM analytics_daily_sales "
                        + "WHERE sale_date BETWEEN ? AND ? ORDER BY sale_date",
                List.of(Date.valueOf(from), Date.valueOf(to)),
                rs -> new DailySales(
                        rs.getDate(1).toLocalDate(),
                        rs.getLong(2),
                        rs.getBigDecimal(3).setScale(2),
                        rs.getLong(4)));
    }

    /**
     * Units produced per product between two dates, inclusive, highest first (ties: the higher id), at most
     * {@code limit}: the period's range of ix_analytics_daily_total summed per product.
     */
    public List<ProductOutput> producedPerProduct(LocalDate from, LocalDate to, int limit) {
        return query(
                "SELECT d.product_id, p.name, SUM(d.total_produced) FROM analytics_daily_production d "
                        + "JOIN products p ON p.id = d.product_id WHERE d.production_date BETWEEN ? AND ? "
                        + "GROUP BY d.product_id, p.name HAVING SUM(d.total_produced) > 0 "
                        + "ORDER BY 3 DESC, 1 DESC LIMIT ?",
                List.of(Date.valueOf(from), Date.valueOf(to), limit),
                rs -> new ProductOutput(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    /** Units produced between two dates, inclusive. */
    public long producedBetween(LocalDate from, LocalDate to) {
        return count(
                "SELECT COALESCE(SUM(total_produced), 0) FROM analytics_daily_production "
                        + "WHERE production_date BETWEEN ? AND ?",
                List.of(Date.valueOf(from), Date.valueOf(to)));
    }

    /** Orders that are not cancelled, all time. */
    /** Orders placed and neither shipped nor cancelled, as of the last refresh. */
    public long openOrders() {
        return count("SELECT open_orders FROM analytics_state WHERE id = 1", List.of());
    }

    public long ordersCounted() {
        return count("SELECT COALESCE(SUM(orders), 0) FROM analytics_daily_sales", List.of());
    }
}
