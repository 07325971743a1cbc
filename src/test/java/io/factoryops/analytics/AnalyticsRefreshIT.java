package io.factoryops.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.factoryops.catalog.ProductRequest;
import io.factoryops.catalog.ProductService;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.production.ProductionRequest;
import io.factoryops.production.ProductionService;
import io.factoryops.sales.CustomerRequest;
import io.factoryops.sales.CustomerService;
import io.factoryops.sales.OrderLifecycleService;
import io.factoryops.sales.OrderPlacementService;
import io.factoryops.sales.OrderRequest;
import io.factoryops.workforce.EmployeeRequest;
import io.factoryops.workforce.EmployeeService;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: random history (orders, cancellations, production with corrections and deletions),
 * then the incremental refresh and the full rebuild must both equal direct SQL aggregates over the
 * business tables.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsRefreshIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-analytics-test.war").addClass(AnalyticsRefreshIT.class);
    }

    @Inject
    AnalyticsRefresher refresher;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    EmployeeService employees;

    @Inject
    OrderPlacementService orders;

    @Inject
    OrderLifecycleService lifecycle;

    @Inject
    ProductionService production;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    private final Random random = new Random(42);
    private final Caller admin = new Caller(1, "admin", Role.SUPER_ADMIN);

    @Test
    void incrementalAndFullRefreshEqualTheLiveAggregates() throws Exception {
        refresher.refresh();
        generate(120, 60);
        refresher.refresh();
        assertSummariesMatchLiveAggregates("after an incremental refresh");

        refresher.rebuild();
        assertSummariesMatchLiveAggregates("after a full rebuild");

        generate(60, 30);
        refresher.refresh();
        assertSummariesMatchLiveAggregates("after an incremental refresh on top of a rebuild");
    }

    @Inject
    AnalyticsService analytics;

    @Test
    void readinessTurnsDownWhenTheSummariesAreOlderThanTheBound() {
        refresher.refresh();
        AnalyticsFreshnessCheck check = new AnalyticsFreshnessCheck();
        check.analytics = analytics;
        check.maxAgeSeconds = 60;
        check.cache = new io.factoryops.platform.health.HealthCache(); // remembers nothing (0 ms)
        assertEquals(
                org.eclipse.microprofile.health.HealthCheckResponse.Status.UP,
                check.call().getStatus());
        // the same check when the last refresh is 61 s old: the timer stopped
        check.analytics = new AnalyticsService() {
            @Override
            public java.time.Instant asOf() {
                return analytics.asOf().minusSeconds(61);
            }
        };
        assertEquals(
                org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN,
                check.call().getStatus(),
                "summaries older than the bound");
    }

    private void generate(int orderCount, int productionCount) {
        String run = Long.toString(System.nanoTime(), 36);
        List<Long> customerIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        List<Long> employeeIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customerIds.add(customers
                    .create(new CustomerRequest("Analytics " + i, "an-" + run + "-" + i + "@it.example", null, null))
                    .id());
            productIds.add(products.create(new ProductRequest(
                            "AN-" + run + "-" + i,
                            "Analytics product " + i,
                            null,
                            new BigDecimal(random.nextInt(5000) + 1).movePointLeft(2),
                            100_000,
                            0,
                            "analytics",
                            null))
                    .id());
            employeeIds.add(employees
                    .create(new EmployeeRequest(
                            "Analyst " + i, "emp-" + run + "-" + i + "@it.example", null, null, null, true))
                    .id());
        }
        for (int i = 0; i < orderCount; i++) {
            List<OrderRequest.OrderLineRequest> lines = new ArrayList<>();
            for (int l = 0, n = 1 + random.nextInt(4); l < n; l++) {
                lines.add(new OrderRequest.OrderLineRequest(pick(productIds), 1 + random.nextInt(9)));
            }
            long id = orders.place(admin, new OrderRequest(pick(customerIds), lines, null, null))
                    .id();
            int fate = random.nextInt(10);
            if (fate < 2) {
                lifecycle.cancel(admin, id);
            } else if (fate < 5) {
                lifecycle.ship(admin, id);
                if (fate == 4) {
                    lifecycle.complete(admin, id);
                }
            }
        }
        List<Long> records = new ArrayList<>();
        for (int i = 0; i < productionCount; i++) {
            records.add(production
                    .create(
                            admin,
                            new ProductionRequest(
                                    pick(employeeIds),
                                    pick(productIds),
                                    1 + random.nextInt(50),
                                    LocalDate.of(2026, 1, 1 + random.nextInt(28))))
                    .id());
            if (random.nextInt(6) == 0) {
                long id = pick(records);
                production.replace(
                        id,
                        null,
                        new ProductionRequest(
                                pick(employeeIds),
                                pick(productIds),
                                1 + random.nextInt(50),
                                LocalDate.of(2026, 2, 1 + random.nextInt(28))));
            }
            if (random.nextInt(8) == 0) {
                long id = records.remove(random.nextInt(records.size()));
                production.delete(id, null);
            }
        }
    }

    private void assertSummariesMatchLiveAggregates(String when) throws Exception {
        compare(
                when + ": customers",
                "SELECT customer_id, SUM(total), COUNT(*), MAX(order_date) FROM orders WHERE status <> 'CANCELLED' "
                        + "GROUP BY customer_id",
                "SELECT customer_id, lifetime_value, order_count, last_order_date FROM analytics_customer_summary "
                        + "WHERE order_count > 0");
        compare(
                when + ": products sold",
                "SELECT l.product_id, SUM(l.quantity), SUM(l.line_total) FROM order_lines l JOIN orders o "
                        + "ON o.id = l.order_id WHERE o.status <> 'CANCELLED' GROUP BY l.product_id",
                "SELECT product_id, quantity_sold, revenue FROM analytics_product_summary WHERE quantity_sold > 0");
        compare(
                when + ": products made",
                "SELECT product_id, SUM(quantity) FROM production_records GROUP BY product_id",
                "SELECT product_id, quantity_produced FROM analytics_product_summary WHERE quantity_produced > 0");
        compare(
                when + ": employees",
                "SELECT employee_id, SUM(quantity), COUNT(*), MAX(production_date) FROM production_records "
                        + "GROUP BY employee_id",
                "SELECT employee_id, total_quantity, records, last_production_date FROM analytics_employee_summary "
                        + "WHERE records > 0");
        compare(
                when + ": sales per day",
                "SELECT CAST(d AS CHAR(10)), COUNT(*), SUM(total), SUM(units) FROM (SELECT CAST(o.order_date AS DATE) d, "
                        + "o.total total, (SELECT SUM(l.quantity) FROM order_lines l WHERE l.order_id = o.id) units "
                        + "FROM orders o WHERE o.status <> 'CANCELLED') x GROUP BY d",
                "SELECT CAST(sale_date AS CHAR(10)), orders, revenue, units FROM analytics_daily_sales WHERE orders > 0");
        compare(
                when + ": open orders",
                "SELECT 'open', COUNT(*) FROM orders WHERE status = 'PLACED'",
                "SELECT 'open', open_orders FROM analytics_state WHERE id = 1");
        compare(
                when + ": days",
                "SELECT CONCAT(CAST(production_date AS CHAR(10)), '/', CAST(product_id AS CHAR(20))), SUM(quantity) "
                        + "FROM production_records GROUP BY production_date, product_id",
                "SELECT CONCAT(CAST(production_date AS CHAR(10)), '/', CAST(product_id AS CHAR(20))), total_produced "
                        + "FROM analytics_daily_production WHERE total_produced > 0");
    }

    private void compare(String what, String live, String summary) throws Exception {
        Map<String, List<String>> expected = read(live);
        Map<String, List<String>> actual = read(summary);
        assertFalse(expected.isEmpty(), what + ": the generated history is empty");
        assertEquals(expected, actual, what);
    }

    private Map<String, List<String>> read(String sql) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    values.add(
                            v instanceof BigDecimal d
                                    ? d.stripTrailingZeros().toPlainString()
                                    : v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v));
                }
                rows.put(rs.getString(1), values);
            }
        }
        return rows;
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}
