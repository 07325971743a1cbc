package io.factoryops.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V11 moves products' stock and ledger to stock items without losing anything: on H2 always, and on
 * the MySQL/MariaDB server of {@code DB_URL} (a scratch database of its own) when the suite runs there.
 * Products with stock, without stock, and with a ledger of sales, cancellations, production and
 * adjustments go in at V10; at the latest version every product has one stock item whose quantity is
 * its old stock and equals the sum of its ledger, every ledger row kept its id, delta and quantity, and
 * references are typed.
 */
class StockLedgerMigrationTest {

    @Test
    void productsStockAndLedgerSurviveOnH2() throws SQLException {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        migrateAndCheck(url, "sa", "");
    }

    @Test
    void productsStockAndLedgerSurviveOnMysql() throws SQLException {
        String serverUrl = System.getenv("DB_URL");
        if (serverUrl == null || !serverUrl.startsWith("jdbc:mysql://")) {
            return; // the suite runs on H2: the test above covers it
        }
        String hostPort = serverUrl.substring("jdbc:mysql://".length()).split("[/?]", 2)[0];
        String database = "factory_migration_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = "jdbc:mysql://" + hostPort + "/" + database + "?createDatabaseIfNotExist=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        String user = System.getenv().getOrDefault("DB_USER", "root");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try {
            migrateAndCheck(url, user, password);
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://" + hostPort + "/", user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        flyway(url, user, password).target("10").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO products (id, sku, name, price, stock_quantity, reorder_level, category, "
                    + "created_at, updated_at, version) VALUES "
                    + "(1, 'A-1', 'Sold and made', 10.00, 7, 5, 'X', '2026-01-01 00:00:00', '2026-01-02 00:00:00', 4), "
                    + "(2, 'A-2', 'Never stocked', 5.00, 0, 0, NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0), "
                    + "(3, 'A-3', 'Low', 1.00, 2, 5, 'X', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 2)");
            s.execute("INSERT INTO stock_movements (id, product_id, delta, quantity_after, reason, reference_type, "
                    + "reference_id, note, actor, request_id, occurred_at) VALUES "
                    + "(10, 1, 10, 10, 'INITIAL', NULL, NULL, NULL, 'admin', 'r1', '2026-01-01 00:00:00'), "
                    + "(11, 1, -4, 6, 'ORDER', 'order', 100, NULL, 'user', 'r2', '2026-01-01 01:00:00'), "
                    + "(12, 3, 2, 2, 'INITIAL', NULL, NULL, NULL, 'admin', 'r3', '2026-01-01 01:30:00'), "
                    + "(13, 1, 4, 10, 'ORDER_CANCELLED', 'order', 100, NULL, 'user', 'r4', '2026-01-01 02:00:00'), "
                    + "(14, 1, 3, 13, 'PRODUCTION', 'production', 7, NULL, 'manager', 'r5', '2026-01-01 03:00:00'), "
                    + "(15, 1, -6, 7, 'ADJUSTMENT', NULL, NULL, 'count', 'manager', 'r6', '2026-01-01 04:00:00')");
        }

        flyway(url, user, password).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            Map<Long, long[]> items = new HashMap<>(); // product id -> {item id, quantity, reorder level}
            Map<Long, String> statuses = new HashMap<>();
            Map<Long, Boolean> alerted = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT p.id, s.id, s.quantity, s.reorder_level, s.status, s.alerted, "
                    + "s.kind, s.owner_id, s.sku, s.name, s.active FROM products p "
                    + "JOIN stock_items s ON s.id = p.stock_item_id ORDER BY p.id")) {
                while (r.next()) {
                    long product = r.getLong(1);
                    items.put(product, new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
                    statuses.put(product, r.getString(5));
                    alerted.put(product, r.getBoolean(6));
                    assertEquals("PRODUCT", r.getString(7));
                    assertEquals(product, r.getLong(8));
                    assertEquals("A-" + product, r.getString(9));
                    assertTrue(r.getBoolean(11));
                }
            }
            assertEquals(3, items.size(), "one stock item per product");
            assertEquals(7, items.get(1L)[1]);
            assertEquals(0, items.get(2L)[1]);
            assertEquals(2, items.get(3L)[1]);
            assertEquals(5, items.get(3L)[2]);
            assertEquals("IN_STOCK", statuses.get(1L));
            assertEquals("OUT_OF_STOCK", statuses.get(2L));
            assertEquals("LOW_STOCK", statuses.get(3L));
            assertFalse(alerted.get(1L));
            assertTrue(alerted.get(3L), "already low when migrated: no retroactive alert");

            for (Map.Entry<Long, long[]> e : items.entrySet()) {
                try (ResultSet r = s.executeQuery("SELECT COALESCE(SUM(delta), 0) FROM stock_movements "
                        + "WHERE stock_item_id = " + e.getValue()[0])) {
                    r.next();
                    assertEquals(e.getValue()[1], r.getLong(1), "ledger sum of product " + e.getKey());
                }
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT m.id, s.owner_id, m.delta, m.quantity_after, m.reason, "
                    + "m.reference_type, m.reference_id FROM stock_movements m "
                    + "JOIN stock_items s ON s.id = m.stock_item_id ORDER BY m.id")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + " " + r.getLong(2) + " " + r.getInt(3) + " " + r.getInt(4) + " "
                            + r.getString(5) + " " + r.getString(6) + " " + r.getObject(7));
                }
            }
            assertEquals(
                    List.of(
                            "10 1 10 10 INITIAL null null",
                            "11 1 -4 6 ORDER ORDER 100",
                            "12 3 2 2 INITIAL null null",
                            "13 1 4 10 ORDER_CANCELLED ORDER 100",
                            "14 1 3 13 PRODUCTION PRODUCTION_RECORD 7",
                            "15 1 -6 7 ADJUSTMENT null null"),
                    rows);

            // the schema still refuses what it must: a negative quantity, a movement of no item
            assertRefused(s, "UPDATE stock_items SET quantity = -1 WHERE id = " + items.get(1L)[0]);
            assertRefused(
                    s,
                    "INSERT INTO stock_movements (stock_item_id, delta, quantity_after, reason, occurred_at) "
                            + "VALUES (999999, 1, 1, 'ADJUSTMENT', '2026-01-01 00:00:00')");
        }
    }

    private static void assertRefused(Statement s, String sql) {
        try {
            s.executeUpdate(sql);
        } catch (SQLException expected) {
            assertTrue(
                    expected.getSQLState() != null && expected.getSQLState().startsWith("23"),
                    sql + ": " + expected.getSQLState() + " " + expected.getMessage());
            return;
        }
        throw new AssertionError("the database accepted " + sql);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }
}
