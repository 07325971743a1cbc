package io.factoryops.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.books.H2Books;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orders-whole check's SQL: each way an order can be broken is named, a whole one is not. */
class OrderBooksTest {

    private static final String AT = "'2026-01-01 00:00:00'";

    private static String order(long id, String subtotal, String tax, String total, int units) {
        return "INSERT INTO orders (id, customer_id, status, order_date, subtotal, tax_rate, tax, total, units, "
                + "created_by_id, created_by, created_at, updated_at, version) VALUES (" + id + ", 1, 'PLACED', " + AT
                + ", " + subtotal + ", 0.0900, " + tax + ", " + total + ", " + units + ", 1, 'user', " + AT + ", " + AT
                + ", 0)";
    }

    private static String line(long order, int no, int quantity, String price, String total) {
        return "INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, line_total) VALUES ("
                + order + ", " + no + ", 1, " + quantity + ", " + price + ", " + total + ")";
    }

    @Test
    void namesTheOrdersThatAreNotWhole() throws Exception {
        try (H2Books db = new H2Books()) {
            OrderBooks check = new OrderBooks();
            check.sql = db.reads();
            db.execute(
                    "INSERT INTO stock_items (id, kind, owner_id, sku, name, quantity, reorder_level, status, alerted, "
                            + "active, created_at, updated_at, version) VALUES (1, 'PRODUCT', 1, 'P-1', 'P', 0, 0, "
                            + "'OUT_OF_STOCK', FALSE, TRUE, " + AT + ", " + AT + ", 0)",
                    "INSERT INTO products (id, sku, name, price, stock_item_id, created_at, updated_at, version) "
                            + "VALUES (1, 'P-1', 'P', 3.35, 1, " + AT + ", " + AT + ", 0)",
                    "INSERT INTO customers (id, name, email, created_at, updated_at, version) VALUES (1, 'C', "
                            + "'c@example.com', " + AT + ", " + AT + ", 0)",
                    // whole: 3 × 3.35 + 1 × 3.35 = 13.40, tax 1.206 → 1.21, total 14.61
                    order(1, "13.40", "1.21", "14.61", 4),
                    line(1, 1, 3, "3.35", "10.05"),
                    line(1, 2, 1, "3.35", "3.35"),
                    order(2, "3.35", "0.30", "3.65", 1), // no lines
                    order(3, "3.35", "0.30", "3.65", 2), // units are not the lines' sum
                    line(3, 1, 1, "3.35", "3.35"),
                    order(4, "3.35", "0.30", "3.66", 1), // total is not subtotal + tax
                    line(4, 1, 1, "3.35", "3.35"),
                    order(5, "3.35", "0.31", "3.66", 1), // tax is not the subtotal at its rate
                    line(5, 1, 1, "3.35", "3.35"),
                    order(6, "6.70", "0.60", "7.30", 3), // a line's total is not price × quantity
                    line(6, 1, 2, "3.35", "6.00"),
                    line(6, 2, 1, "0.70", "0.70"),
                    order(7, "3.35", "0.30", "3.65", 1)); // a subtotal that is not the lines' sum
            db.execute(line(7, 1, 1, "3.00", "3.00"));

            BooksCheckResult result = check.run(100);
            assertEquals(7, result.checked());
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), result.failedIds(), result.toString());
            assertEquals(6, result.failed());
        }
    }
}
