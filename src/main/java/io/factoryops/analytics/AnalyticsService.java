package io.factoryops.analytics;

import io.factoryops.analytics.AnalyticsResponses.CustomerValue;
import io.factoryops.analytics.AnalyticsResponses.EmployeePerformance;
import io.factoryops.analytics.AnalyticsResponses.ProductOutput;
import io.factoryops.analytics.AnalyticsResponses.TopProduct;
import io.factoryops.catalog.ProductFacts;
import io.factoryops.maintenance.MechanicRanking;
import io.factoryops.maintenance.MechanicRanking.TopMechanic;
import io.factoryops.maintenance.MechanicService;
import io.factoryops.platform.db.SqlReads;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Pagination;
import io.factoryops.sales.SalesFacts;
import io.factoryops.workforce.EmployeeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Reads the summaries (ties broken by the higher id, so that the order matches the indexes and
 * needs no sort): index range scans over a few thousand summary rows at most, then the names of the page's
 * rows by primary key from the features that own them; the size of the history does not matter.
 *
 * <p>Every read runs in a transaction (its caller's, or its own), so that its JDBC connection is the
 * one the transaction already holds and goes back to the pool when the transaction ends.
 */
@ApplicationScoped
@Transactional
public class AnalyticsService implements MechanicRanking {

    /** The highest lifetime value the summary holds: DECIMAL(16, 2). */
    public static final BigDecimal MAX_LIFETIME_VALUE = new BigDecimal("99999999999999.99");

    /** At most this many page totals are remembered per refresh (thresholds and dates are the caller's). */
    static final int MAX_REMEMBERED_TOTALS = 1_000;

    @Inject
    SqlReads reads;

    @Inject
    EmployeeService employees;

    @Inject
    ProductFacts products;

    @Inject
    MechanicService mechanics;

    @Inject
    SalesFacts sales;

    /** Page totals as of one refresh (its generation): the summaries change only when a refresh commits. */
    private record Totals(long generation, Map<String, Long> bySql) {}

    private final AtomicReference<Totals> totals = new AtomicReference<>(new Totals(-1, Map.of()));

    /** When the summaries were last computed; null before the first refresh. */
    @Override
    public Instant asOf() {
        List<Instant> at = query("SELECT refreshed_at FROM analytics_state WHERE id = 1", List.of(), rs -> {
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        });
        return at.isEmpty() ? null : at.get(0);
    }

    /** A summary table's rows ranked by one column, highest first (ties: the higher id, as its index orders them). */
    private record Ranking(String table, String id, String value) {

        String select(String where) {
            return "SELECT " + id + ", " + value + " FROM " + table + " WHERE " + where + " ORDER BY " + value
                    + " DESC, " + id + " DESC";
        }
    }

    private static final Ranking EMPLOYEES = new Ranking("analytics_employee_summary", "employee_id", "total_quantity");
    private static final Ranking CUSTOMERS = new Ranking("analytics_customer_summary", "customer_id", "lifetime_value");
    private static final Ranking DAILY_PRODUCTION =
            new Ranking("analytics_daily_production", "product_id", "total_produced");

    public Page<EmployeePerformance> employeePerformance(PageRequest page) {
        return page(
                EMPLOYEES,
                "records > 0",
                List.of(),
                page,
                rs -> rs.getLong(2),
                employees::names,
                EmployeePerformance::new);
    }

    public List<TopProduct> topProducts(int limit) {
        return named(
                new Ranking("analytics_product_summary", "product_id", "quantity_sold").select("quantity_sold > 0")
                        + " LIMIT ?",
                List.of(limit),
                rs -> rs.getLong(2),
                products::names,
                TopProduct::new);
    }

    /**
     * Mechanics ranked by tickets worked between two days (inclusive), then labour hours, then parts fitted,
     * then the higher id ({@link MechanicDailyFigure} says what counts): the period's (day, mechanic) rows of
     * the summary, summed per mechanic; only the ranked rows are named (by maintenance).
     */
    @Override
    public List<TopMechanic> topMechanics(LocalDate from, LocalDate to, int limit) {
        record Work(long tickets, BigDecimal hours, long parts) {}
        return named(
                "SELECT mechanic_id, SUM(tickets) tickets, SUM(hours) hours, SUM(parts) parts "
                        + "FROM analytics_mechanic_daily WHERE work_date BETWEEN ? AND ? GROUP BY mechanic_id "
                        + "ORDER BY tickets DESC, hours DESC, parts DESC, mechanic_id DESC LIMIT ?",
                List.of(Date.valueOf(from), Date.valueOf(to), limit),
                rs -> new Work(rs.getLong(2), rs.getBigDecimal(3).setScale(2), rs.getLong(4)),
                mechanics::names,
                (id, name, w) -> new TopMechanic(id, name, w.tickets(), w.hours(), w.parts()));
    }

    public Page<CustomerValue> customerLifetimeValue(BigDecimal threshold, PageRequest page) {
        return page(
                CUSTOMERS,
                "order_count > 0 AND lifetime_value >= ?",
                List.of(threshold),
                page,
                rs -> rs.getBigDecimal(2),
                sales::customerNames,
                CustomerValue::new);
    }

    public Page<ProductOutput> productionOn(LocalDate date, PageRequest page) {
        return page(
                DAILY_PRODUCTION,
                "production_date = ? AND total_produced > 0",
                List.of(Date.valueOf(date)),
                page,
                rs -> rs.getLong(2),
                products::names,
                ProductOutput::new);
    }

    /** A page of the rows of {@code ranking} that {@code where} picks, and their total ({@link #total}). */
    private <V, T> Page<T> page(
            Ranking ranking,
            String where,
            List<Object> parameters,
            PageRequest page,
            SqlReads.Row<V> value,
            Function<Collection<Long>, Map<Long, String>> names,
            Named<V, T> row) {
        long total = total("SELECT COUNT(*) FROM " + ranking.table() + " WHERE " + where, parameters);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(page.perPage());
        paged.add(page.offset());
        List<T> rows = named(ranking.select(where) + " LIMIT ? OFFSET ?", paged, value, names, row);
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

    private <T> List<T> query(String sql, List<Object> parameters, SqlReads.Row<T> row) {
        return reads.list(sql, parameters, row);
    }

    /** Makes a listed row from its id, its name and its figures. */
    @FunctionalInterface
    private interface Named<V, T> {
        T of(long id, String name, V value);
    }

    /**
     * The rows of a summary ranked by {@code sql} (the id first, then the figures {@code value} reads), named by
     * the feature that owns them ({@code names}: one primary-key query for the page's ids). A row whose record
     * is gone since the last refresh is left out, as a join would.
     */
    private <V, T> List<T> named(
            String sql,
            List<Object> parameters,
            SqlReads.Row<V> value,
            Function<Collection<Long>, Map<Long, String>> names,
            Named<V, T> row) {
        record Ranked<V>(long id, V value) {}
        List<Ranked<V>> ranked = query(sql, parameters, rs -> new Ranked<>(rs.getLong(1), value.read(rs)));
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, String> named = names.apply(ranked.stream().map(Ranked::id).toList());
        return ranked.stream()
                .filter(r -> named.containsKey(r.id()))
                .map(r -> row.of(r.id(), named.get(r.id()), r.value()))
                .toList();
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
        return named(
                "SELECT product_id, SUM(total_produced) FROM analytics_daily_production "
                        + "WHERE production_date BETWEEN ? AND ? "
                        + "GROUP BY product_id HAVING SUM(total_produced) > 0 ORDER BY 2 DESC, 1 DESC LIMIT ?",
                List.of(Date.valueOf(from), Date.valueOf(to), limit),
                rs -> rs.getLong(2),
                products::names,
                ProductOutput::new);
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
