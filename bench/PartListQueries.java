import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times the SQL shapes of the parts list filtered by stock status within a category subtree
 * ({@code GET /api/inventory/items?status=low_stock&category=<root>}) straight over JDBC, without the server:
 * the total and the page as one statement with the subtree's ids in an IN list, and as one index range per
 * category of the subtree (UNION ALL). Median and minimum of RUNS runs after WARMUP runs, for each root
 * category; on H2, its reuse of identical results is switched off.
 *
 * java -cp <jdbc driver jar> bench/PartListQueries.java JDBC_URL USER PASSWORD
 */
public class PartListQueries {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "200"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "100"));
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (args[0].startsWith("jdbc:h2:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
            }
            List<List<Long>> subtrees = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet roots = s.executeQuery("SELECT id_path FROM inventory_categories WHERE parent_id IS NULL "
                         + "AND name LIKE 'Bench %' ORDER BY id")) {
                List<String> paths = new ArrayList<>();
                while (roots.next()) {
                    paths.add(roots.getString(1));
                }
                for (String path : paths) {
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement p = c.prepareStatement(
                            "SELECT id FROM inventory_categories WHERE id_path LIKE ? ORDER BY id")) {
                        p.setString(1, path + "%");
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) {
                                ids.add(r.getLong(1));
                            }
                        }
                    }
                    subtrees.add(ids);
                }
            }
            System.out.printf("%d subtrees of %d categories; %d runs after %d warm-up%n", subtrees.size(),
                    subtrees.get(0).size(), runs, warmup);
            Map<String, java.util.function.Function<List<Long>, String>> shapes = new LinkedHashMap<>();
            shapes.put("total, IN list", ids -> "SELECT COUNT(*) FROM parts WHERE stock_status = 'LOW_STOCK' "
                    + "AND category_id IN (" + list(ids) + ")");
            shapes.put("total, one range per category", ids -> "SELECT SUM(n) FROM (" + ids.stream()
                    .map(id -> "SELECT COUNT(*) n FROM parts WHERE stock_status = 'LOW_STOCK' AND category_id = " + id)
                    .collect(Collectors.joining(" UNION ALL ")) + ") t");
            shapes.put("page with stock items, IN list (as JpaPaging)", ids -> "SELECT p.*, s.* FROM parts p "
                    + "JOIN stock_items s ON s.id = p.stock_item_id WHERE p.stock_status = 'LOW_STOCK' AND p.category_id IN ("
                    + list(ids) + ") ORDER BY p.sku, p.id LIMIT 20");
            shapes.put("page ids, IN list", ids -> "SELECT id, sku FROM parts WHERE stock_status = 'LOW_STOCK' "
                    + "AND category_id IN (" + list(ids) + ") ORDER BY sku, id LIMIT 20");
            shapes.put("page ids, one range per category", ids -> "SELECT id, sku FROM (" + ids.stream()
                    .map(id -> "(SELECT id, sku FROM parts WHERE stock_status = 'LOW_STOCK' AND category_id = " + id
                            + " ORDER BY sku, id LIMIT 20)")
                    .collect(Collectors.joining(" UNION ALL ")) + ") t ORDER BY sku, id LIMIT 20");
            for (var shape : shapes.entrySet()) {
                double[] times = new double[runs * subtrees.size()];
                int n = 0;
                for (int i = 0; i < warmup + runs; i++) {
                    for (List<Long> ids : subtrees) {
                        String sql = shape.getValue().apply(ids);
                        long t0 = System.nanoTime();
                        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                            while (r.next()) {
                                r.getObject(1);
                            }
                        }
                        if (i >= warmup) {
                            times[n++] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                Arrays.sort(times);
                System.out.printf("%-50s median %7.3f ms, p90 %7.3f, min %7.3f%n", shape.getKey(),
                        times[times.length / 2], times[times.length * 9 / 10], times[0]);
            }
        }
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
