import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Orders for the export benchmark, straight into the database (the schema must exist: start the server
 * once first): 10,000 customers and the orders, spread over two years, with their money and units but
 * without lines (an export of orders reads the orders and their customers only). Batched JDBC inserts
 * with explicit ids; deterministic (seeded). GenerateHistory.java writes products as the schema had
 * them before the stock ledger (V11) and no longer runs.
 *
 * java -cp <jdbc driver jar> bench/GenerateOrders.java JDBC_URL USER PASSWORD ORDERS
 */
public class GenerateOrders {

    static final int CUSTOMERS = 10_000;
    static final int BATCH = 5_000;
    static final BigDecimal TAX = new BigDecimal("0.09");
    static final String[] STATUSES = {"PLACED", "SHIPPED", "COMPLETED", "CANCELLED"};

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(args[3]);
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Timestamp created = Timestamp.from(now);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            long customerBase = maxId(c, "customers");
            long orderBase = maxId(c, "orders");
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
            try (PreparedStatement p = c.prepareStatement("INSERT INTO orders (id, customer_id, status, order_date, "
                    + "subtotal, tax_rate, tax, total, units, created_by_id, created_by, created_at, updated_at, "
                    + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'admin', ?, ?, 1)")) {
                for (int i = 1; i <= orders; i++) {
                    int units = 1 + random.nextInt(15);
                    BigDecimal subtotal = BigDecimal.valueOf(100 + random.nextInt(200_000)).movePointLeft(2);
                    BigDecimal tax = subtotal.multiply(TAX).setScale(2, RoundingMode.HALF_UP);
                    Timestamp date = Timestamp.from(now.minusSeconds(random.nextInt(2 * 365 * 86_400)));
                    p.setLong(1, orderBase + i);
                    p.setLong(2, customerBase + 1 + random.nextInt(CUSTOMERS));
                    p.setString(3, STATUSES[random.nextInt(STATUSES.length)]);
                    p.setTimestamp(4, date);
                    p.setBigDecimal(5, subtotal);
                    p.setBigDecimal(6, TAX);
                    p.setBigDecimal(7, tax);
                    p.setBigDecimal(8, subtotal.add(tax));
                    p.setInt(9, units);
                    p.setTimestamp(10, date);
                    p.setTimestamp(11, date);
                    batch(p, c, i);
                }
                flush(p, c);
            }
        }
        System.out.printf("%d customers and %d orders in %.1f s%n", CUSTOMERS, orders, (System.nanoTime() - t0) / 1e9);
    }

    static long maxId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void batch(PreparedStatement p, Connection c, int i) throws Exception {
        p.addBatch();
        if (i % BATCH == 0) {
            flush(p, c);
        }
    }

    static void flush(PreparedStatement p, Connection c) throws Exception {
        p.executeBatch();
        c.commit();
    }
}
