package io.factoryops.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.books.H2Books;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger check's SQL: an item whose quantity is not its ledger's sum is named; an item without rows counts 0. */
class StockLedgerCheckTest {

    private static String item(long id, int quantity) {
        return "INSERT INTO stock_items (id, kind, owner_id, sku, name, quantity, reorder_level, status, alerted, "
                + "active, created_at, updated_at, version) VALUES (" + id + ", 'PART', " + id + ", 'S-" + id
                + "', 'Item', " + quantity + ", 0, 'IN_STOCK', FALSE, TRUE, '2026-01-01 00:00:00', "
                + "'2026-01-01 00:00:00', 0)";
    }

    private static String movement(long id, long item, int delta) {
        return "INSERT INTO stock_movements (id, stock_item_id, delta, quantity_after, reason, occurred_at) VALUES ("
                + id + ", " + item + ", " + delta + ", 0, 'ADJUSTMENT', '2026-01-01 00:00:00')";
    }

    @Test
    void namesTheItemsWhoseQuantityIsNotTheirLedgersSum() throws Exception {
        try (H2Books db = new H2Books()) {
            StockLedgerCheck check = new StockLedgerCheck();
            check.sql = db.reads();
            db.execute(item(1, 7), movement(1, 1, 10), movement(2, 1, -3), item(2, 0), item(3, 5), movement(3, 3, 4));
            db.execute(item(4, 1));

            BooksCheckResult result = check.run(100);
            assertEquals(4, result.checked());
            assertEquals(2, result.failed(), result.toString());
            assertEquals(List.of(3L, 4L), result.failedIds());
            assertEquals(List.of(3L), check.run(1).failedIds(), "at most limit ids, the lowest first");
        }
    }

    @Test
    void aBalancedLedgerIsBalanced() throws Exception {
        try (H2Books db = new H2Books()) {
            StockLedgerCheck check = new StockLedgerCheck();
            check.sql = db.reads();
            assertTrue(check.run(10).balanced(), "an empty database");
            db.execute(item(1, 6), movement(1, 1, 6), item(2, 0));
            BooksCheckResult result = check.run(10);
            assertTrue(result.balanced(), result.toString());
            assertEquals(List.of(), result.failedIds());
        }
    }
}
