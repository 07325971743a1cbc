import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Loads a realistic history straight into the database (the schema must exist: start the server
 * once first). Batched JDBC inserts with explicit ids; deterministic (seeded).
 *
 * java -cp <jdbc driver jar> bench/GenerateHistory.java JDBC_URL USER PASSWORD ORDERS PRODUCTION
 */
public class GenerateHistory {

    static final int CUSTOMERS = 10_000;
    static final int PRODUCTS = 1_000;
    static final int EMPLOYEES = 200;
    static final int BATCH = 5_000;
    /** Each product's stock: enough that no generated order would have run out. */
    static final int STOCK = 1_000_000_000;
    static final BigDecimal TAX = new BigDecimal("0.09");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int orders = Integer.parseInt(args[3]);
        int production = Integer.parseInt(args[4]);
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Timestamp created = Timestamp.from(now);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            long customerBase = maxId(c, "customers");
            long productBase = maxId(c, "products");
            long itemBase = maxId(c, "stock_items");
            long movementBase = maxId(c, "stock_movements");
            long employeeBase = maxId(c, "employees");
            long orderBase = maxId(c, "orders");
            long lineBase = maxId(c, "order_lines");
            long productionBase = maxId(c, "production_records");

            try (PreparedStatement p = c.prepareStatement("INSERT INTO customers (id, name, email, phone, address, "
                    + "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (int i = 1; i <= CUSTOMERS; i++) {
                    long id = customerBase + i;
                    p.setLong(1, id);
                    p.setString(2, "Customer " + id);
                    p.setString(3, "customer" + id + "@bench.example");
                    p.setString(4, "+1 555 " + (1000 + i % 9000));
                    p.setString(5, i + " Bench Street");
                    p.setTimestamp(6, created);
                    p.setTimestamp(7, created);
                    batch(p, c, i);
                }
                flush(p, c);
            }
            BigDecimal[] prices = new BigDecimal[PRODUCTS + 1];
            // each product's stock is a stock item (V11) whose ledger starts with an INITIAL movement
            try (PreparedStatement item = c.prepareStatement("INSERT INTO stock_items (id, kind, owner_id, sku, name, "
                    + "quantity, reorder_level, status, alerted, active, created_at, updated_at, version) "
                    + "VALUES (?, 'PRODUCT', ?, ?, ?, ?, 10, 'IN_STOCK', FALSE, TRUE, ?, ?, 1)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO products (id, sku, name, description, price, "
                         + "category, stock_item_id, created_at, updated_at, version) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, 1)");
                 PreparedStatement movement = c.prepareStatement("INSERT INTO stock_movements (id, stock_item_id, "
                         + "delta, quantity_after, reason, reference_type, reference_id, note, actor, request_id, "
                         + "occurred_at) VALUES (?, ?, ?, ?, 'INITIAL', NULL, NULL, NULL, 'bench', NULL, ?)")) {
                for (int i = 1; i <= PRODUCTS; i++) {
                    long id = productBase + i;
                    long itemId = itemBase + i;
                    prices[i] = BigDecimal.valueOf(100 + random.nextInt(49_900)).movePointLeft(2);
                    item.setLong(1, itemId);
                    item.setLong(2, id);
                    item.setString(3, "BENCH-" + id);
                    item.setString(4, "Bench product " + id);
                    item.setInt(5, STOCK);
                    item.setTimestamp(6, created);
                    item.setTimestamp(7, created);
                    item.addBatch();
                    p.setLong(1, id);
                    p.setString(2, "BENCH-" + id);
                    p.setString(3, "Bench product " + id);
                    p.setBigDecimal(4, prices[i]);
                    p.setString(5, "Category " + (i % 20));
                    p.setLong(6, itemId);
                    p.setTimestamp(7, created);
                    p.setTimestamp(8, created);
                    p.addBatch();
                    movement.setLong(1, movementBase + i);
                    movement.setLong(2, itemId);
                    movement.setInt(3, STOCK);
                    movement.setInt(4, STOCK);
                    movement.setTimestamp(5, created);
                    movement.addBatch();
                }
                item.executeBatch(); // items before the products that reference them, then the ledger
                p.executeBatch();
                movement.executeBatch();
                c.commit();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO employees (id, name, email, position, department, "
                    + "hire_date, active, created_at, updated_at, version) VALUES (?, ?, ?, 'Operator', ?, ?, TRUE, ?, ?, 1)")) {
                for (int i = 1; i <= EMPLOYEES; i++) {
                    long id = employeeBase + i;
                    p.setLong(1, id);
                    p.setString(2, "Employee " + id);
                    p.setString(3, "employee" + id + "@bench.example");
                    p.setString(4, "Line " + (i % 8));
                    p.setDate(5, Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i)));
                    p.setTimestamp(6, created);
                    p.setTimestamp(7, created);
                    batch(p, c, i);
                }
                flush(p, c);
            }
            System.out.printf("master data in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            long lineId = lineBase;
            String[] statuses = {"COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
                    "COMPLETED", "COMPLETED", "SHIPPED", "SHIPPED", "PLACED", "CANCELLED"};
            try (PreparedStatement o = c.prepareStatement("INSERT INTO orders (id, customer_id, status, order_date, "
                    + "subtotal, tax_rate, tax, total, units, created_by_id, created_by, created_at, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, 0.0900, ?, ?, ?, 1, 'bench', ?, ?, 1)");
                 PreparedStatement l = c.prepareStatement("INSERT INTO order_lines (id, order_id, line_no, product_id, "
                         + "quantity, unit_price, line_total) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int lines = 0;
                for (int i = 1; i <= orders; i++) {
                    long id = orderBase + i;
                    Timestamp date = Timestamp.from(now.minusSeconds(random.nextInt(730 * 86_400)));
                    int count = 1 + random.nextInt(5);
                    BigDecimal subtotal = BigDecimal.ZERO;
                    long units = 0;
                    for (int n = 1; n <= count; n++) {
                        int product = 1 + random.nextInt(PRODUCTS);
                        int quantity = 1 + random.nextInt(10);
                        BigDecimal total = prices[product].multiply(BigDecimal.valueOf(quantity));
                        subtotal = subtotal.add(total);
                        units += quantity;
                        l.setLong(1, ++lineId);
                        l.setLong(2, id);
                        l.setInt(3, n);
                        l.setLong(4, productBase + product);
                        l.setInt(5, quantity);
                        l.setBigDecimal(6, prices[product]);
                        l.setBigDecimal(7, total);
                        l.addBatch();
                        lines++;
                    }
                    BigDecimal tax = subtotal.multiply(TAX).setScale(2, RoundingMode.HALF_UP);
                    o.setLong(1, id);
                    o.setLong(2, customerBase + 1 + random.nextInt(CUSTOMERS));
                    o.setString(3, statuses[random.nextInt(statuses.length)]);
                    o.setTimestamp(4, date);
                    o.setBigDecimal(5, subtotal);
                    o.setBigDecimal(6, tax);
                    o.setBigDecimal(7, subtotal.add(tax));
                    o.setLong(8, units);
                    o.setTimestamp(9, date);
                    o.setTimestamp(10, date);
                    o.addBatch();
                    if (i % BATCH == 0) {
                        o.executeBatch();
                        l.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 0) {
                        System.out.printf("%d orders (%d lines) in %d ms%n", i, lines, (System.nanoTime() - t0) / 1_000_000);
                    }
                }
                o.executeBatch();
                l.executeBatch();
                c.commit();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO production_records (id, employee_id, product_id, "
                    + "quantity, production_date, created_by, created_at, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, 'bench', ?, ?, 1)")) {
                LocalDate today = LocalDate.now();
                for (int i = 1; i <= production; i++) {
                    p.setLong(1, productionBase + i);
                    p.setLong(2, employeeBase + 1 + random.nextInt(EMPLOYEES));
                    p.setLong(3, productBase + 1 + random.nextInt(PRODUCTS));
                    p.setInt(4, 1 + random.nextInt(100));
                    p.setDate(5, Date.valueOf(today.minusDays(random.nextInt(730))));
                    p.setTimestamp(6, created);
                    p.setTimestamp(7, created);
                    batch(p, c, i);
                }
                flush(p, c);
            }
            if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")) {
                // explicit ids do not move H2's or PostgreSQL's identity generators: restart them past the new rows
                for (String table : new String[] {"customers", "products", "stock_items", "stock_movements",
                        "employees", "orders", "order_lines", "production_records"}) {
                    long next = maxId(c, table) + 1;
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                    }
                }
                c.commit();
            }
        }
        System.out.printf("generated %d orders and %d production records in %d ms%n", orders, production,
                (System.nanoTime() - t0) / 1_000_000);
    }

    static long maxId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void batch(PreparedStatement p, Connection c, int i) throws Exception {
        p.addBatch();
        if (i % BATCH == 0) {
            p.executeBatch();
            c.commit();
        }
    }

    static void flush(PreparedStatement p, Connection c) throws Exception {
        p.executeBatch();
        c.commit();
    }
}
