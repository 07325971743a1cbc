import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times each analytics question computed live in SQL over the business tables (what the summaries
 * replace), and the same question read from the summaries; median of 5 runs after one warm-up.
 *
 * java -cp <jdbc driver jar> bench/LiveAggregates.java JDBC_URL USER PASSWORD DATE [question,question…]
 * (RUNS=1 for a single cold run of each live query)
 */
public class LiveAggregates {

    public static void main(String[] args) throws Exception {
        String date = args[3];
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "5"));
        java.util.Set<String> only = args.length > 4 ? java.util.Set.of(args[4].split(",")) : null;
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("employee-performance", new String[] {
                "SELECT r.employee_id, e.name, SUM(r.quantity) q FROM production_records r JOIN employees e ON e.id = r.employee_id "
                        + "GROUP BY r.employee_id, e.name ORDER BY q DESC LIMIT 20",
                "SELECT s.employee_id, e.name, s.total_quantity FROM analytics_employee_summary s JOIN employees e ON e.id = s.employee_id "
                        + "WHERE s.records > 0 ORDER BY s.total_quantity DESC, s.employee_id DESC LIMIT 20"});
        queries.put("top-products", new String[] {
                "SELECT l.product_id, p.name, SUM(l.quantity) q FROM order_lines l JOIN orders o ON o.id = l.order_id "
                        + "JOIN products p ON p.id = l.product_id WHERE o.status <> 'CANCELLED' GROUP BY l.product_id, p.name "
                        + "ORDER BY q DESC LIMIT 10",
                "SELECT s.product_id, p.name, s.quantity_sold FROM analytics_product_summary s JOIN products p ON p.id = s.product_id "
                        + "WHERE s.quantity_sold > 0 ORDER BY s.quantity_sold DESC, s.product_id DESC LIMIT 10"});
        queries.put("customer-ltv", new String[] {
                "SELECT o.customer_id, c.name, SUM(o.total) v FROM orders o JOIN customers c ON c.id = o.customer_id "
                        + "WHERE o.status <> 'CANCELLED' GROUP BY o.customer_id, c.name HAVING SUM(o.total) >= 0 ORDER BY v DESC LIMIT 20",
                "SELECT s.customer_id, c.name, s.lifetime_value FROM analytics_customer_summary s JOIN customers c ON c.id = s.customer_id "
                        + "WHERE s.order_count > 0 AND s.lifetime_value >= 0 ORDER BY s.lifetime_value DESC, s.customer_id DESC LIMIT 20"});
        queries.put("production-efficiency", new String[] {
                "SELECT r.product_id, p.name, SUM(r.quantity) q FROM production_records r JOIN products p ON p.id = r.product_id "
                        + "WHERE r.production_date = DATE '" + date + "' GROUP BY r.product_id, p.name ORDER BY q DESC LIMIT 20",
                "SELECT d.product_id, p.name, d.total_produced FROM analytics_daily_production d JOIN products p ON p.id = d.product_id "
                        + "WHERE d.production_date = DATE '" + date + "' AND d.total_produced > 0 ORDER BY d.total_produced DESC, d.product_id DESC LIMIT 20"});
        queries.put("dashboard-today-sales", new String[] {
                "SELECT COUNT(*), SUM(total) FROM orders WHERE status <> 'CANCELLED' AND order_date >= DATE '" + date + "'",
                "SELECT orders, revenue FROM analytics_daily_sales WHERE sale_date = DATE '" + date + "'"});
        queries.put("dashboard-open-orders", new String[] {
                "SELECT COUNT(*) FROM orders WHERE status = 'PLACED'",
                "SELECT open_orders FROM analytics_state WHERE id = 1"});
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (args[0].startsWith("jdbc:h2:")) {
                // H2 would hand back the previous result of an identical query on unchanged tables
                try (var s = c.createStatement()) {
                    s.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
                }
            }
            System.out.printf("%-24s %12s %14s %8s%n", "question", "live (ms)", "summary (ms)", "ratio");
            for (Map.Entry<String, String[]> q : queries.entrySet()) {
                if (only != null && !only.contains(q.getKey())) {
                    continue;
                }
                double live = median(c, q.getValue()[0], runs);
                double summary = median(c, q.getValue()[1], 5);
                System.out.printf("%-24s %12.1f %14.2f %8.0fx%n", q.getKey(), live, summary, live / summary);
            }
        }
    }

    static double median(Connection c, String sql, int runs) throws Exception {
        if (runs > 1) {
            run(c, sql);
        }
        double[] times = new double[runs];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            run(c, sql);
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    static void run(Connection c, String sql) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}
