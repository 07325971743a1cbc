import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Loads parts straight into the database (the schema must exist: start the server once first), for
 * the inventory benchmarks (bench/README.md, "Inventory"). Batched JDBC inserts with explicit ids;
 * deterministic (seeded). Consistent with what the API would have written:
 * <ul>
 * <li>a category tree of 5 roots × 10 children (id_path, path and depth as {@code CategoryService}
 * keeps them); every part in one of the 50 children;</li>
 * <li>per part one stock item (kind PART, owner = the part) and one part row; its stored status follows
 * the quantity and the reorder level as {@code StockStatus.of} computes it (≈ 10 % low, ≈ 2 % out of
 * stock, the rest in stock), alerted when at or below the reorder level;</li>
 * <li>per part with stock one INITIAL ledger row holding that stock, so that each item's quantity
 * equals the sum of its ledger's deltas, as the service guarantees.</li>
 * </ul>
 *
 * java -cp <jdbc driver jar> bench/GenerateParts.java JDBC_URL USER PASSWORD [PARTS=100000] [FILE]
 *     (FILE: where to write the id of the first root category)
 */
public class GenerateParts {

    static final int ROOTS = 5;
    static final int CHILDREN = 10;
    static final int REORDER_LEVEL = 20;
    static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int parts = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Random random = new Random(11);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            long categoryBase = maxId(c, "inventory_categories");
            long partBase = maxId(c, "parts");
            long itemBase = maxId(c, "stock_items");
            long movementBase = maxId(c, "stock_movements");
            String run = Long.toString(System.currentTimeMillis(), 36);

            long[] leaves = new long[ROOTS * CHILDREN];
            try (PreparedStatement p = c.prepareStatement("INSERT INTO inventory_categories (id, name, parent_id, "
                    + "id_path, path, depth, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                long id = categoryBase;
                for (int r = 0; r < ROOTS; r++) {
                    long root = ++id;
                    String rootName = "Bench " + run + " " + (r + 1);
                    category(p, root, rootName, null, "/" + root + "/", rootName, 1, now);
                    for (int k = 0; k < CHILDREN; k++) {
                        long child = ++id;
                        String name = "Group " + (k + 1);
                        category(p, child, name, root, "/" + root + "/" + child + "/", rootName + " / " + name, 2, now);
                        leaves[r * CHILDREN + k] = child;
                    }
                }
                p.executeBatch();
                c.commit();
            }
            System.out.printf("categories %d..%d (roots: every %d-th from %d)%n", categoryBase + 1,
                    categoryBase + ROOTS * (CHILDREN + 1), CHILDREN + 1, categoryBase + 1);
            if (args.length > 4) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[4]), Long.toString(categoryBase + 1));
            }

            int low = 0;
            int out = 0;
            try (PreparedStatement item = c.prepareStatement("INSERT INTO stock_items (id, kind, owner_id, sku, name, "
                    + "quantity, reorder_level, status, alerted, active, created_at, updated_at, version) "
                    + "VALUES (?, 'PART', ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, 1)");
                 PreparedStatement part = c.prepareStatement("INSERT INTO parts (id, sku, name, description, "
                         + "category_id, location_id, unit, unit_cost, reorder_quantity, preferred_supplier_id, "
                         + "stock_item_id, stock_status, created_at, updated_at, version) "
                         + "VALUES (?, ?, ?, NULL, ?, NULL, 'pcs', ?, 50, NULL, ?, ?, ?, ?, 1)");
                 PreparedStatement movement = c.prepareStatement("INSERT INTO stock_movements (id, stock_item_id, "
                         + "delta, quantity_after, reason, reference_type, reference_id, note, actor, request_id, "
                         + "occurred_at) VALUES (?, ?, ?, ?, 'INITIAL', NULL, NULL, NULL, 'bench', NULL, ?)")) {
                long movementId = movementBase;
                for (int i = 1; i <= parts; i++) {
                    long itemId = itemBase + i;
                    long partId = partBase + i;
                    String sku = "BP-" + run + "-" + i;
                    String name = "Bench part " + i;
                    int roll = random.nextInt(100);
                    int quantity = roll < 2 ? 0 : roll < 12 ? 1 + random.nextInt(REORDER_LEVEL) : REORDER_LEVEL + 1
                            + random.nextInt(500);
                    String status = quantity == 0 ? "OUT_OF_STOCK"
                            : quantity <= REORDER_LEVEL ? "LOW_STOCK" : "IN_STOCK";
                    low += "LOW_STOCK".equals(status) ? 1 : 0;
                    out += quantity == 0 ? 1 : 0;
                    item.setLong(1, itemId);
                    item.setLong(2, partId);
                    item.setString(3, sku);
                    item.setString(4, name);
                    item.setInt(5, quantity);
                    item.setInt(6, REORDER_LEVEL);
                    item.setString(7, status);
                    item.setBoolean(8, quantity <= REORDER_LEVEL);
                    item.setTimestamp(9, now);
                    item.setTimestamp(10, now);
                    item.addBatch();
                    part.setLong(1, partId);
                    part.setString(2, sku);
                    part.setString(3, name);
                    part.setLong(4, leaves[random.nextInt(leaves.length)]);
                    part.setBigDecimal(5, BigDecimal.valueOf(50 + random.nextInt(49_950)).movePointLeft(2));
                    part.setLong(6, itemId);
                    part.setString(7, status);
                    part.setTimestamp(8, now);
                    part.setTimestamp(9, now);
                    part.addBatch();
                    if (quantity > 0) {
                        movement.setLong(1, ++movementId);
                        movement.setLong(2, itemId);
                        movement.setInt(3, quantity);
                        movement.setInt(4, quantity);
                        movement.setTimestamp(5, now);
                        movement.addBatch();
                    }
                    if (i % BATCH == 0 || i == parts) {
                        item.executeBatch();
                        part.executeBatch();
                        movement.executeBatch();
                        c.commit();
                    }
                }
            }
            restartIdentities(c, args[0]);
            System.out.printf("%d parts (%d low stock, %d out of stock) with stock items and ledger rows in %d ms%n",
                    parts, low, out, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static void category(PreparedStatement p, long id, String name, Long parent, String idPath, String path, int depth,
                         Timestamp now) throws Exception {
        p.setLong(1, id);
        p.setString(2, name);
        p.setObject(3, parent);
        p.setString(4, idPath);
        p.setString(5, path);
        p.setInt(6, depth);
        p.setTimestamp(7, now);
        p.setTimestamp(8, now);
        p.addBatch();
    }

    static long maxId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Explicit ids do not move H2's or PostgreSQL's identity counters: move them past the rows written (MariaDB does it itself). */
    static void restartIdentities(Connection c, String url) throws Exception {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        for (String table : new String[] {"inventory_categories", "parts", "stock_items", "stock_movements"}) {
            long next = maxId(c, table) + 1;
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
        c.commit();
    }
}
