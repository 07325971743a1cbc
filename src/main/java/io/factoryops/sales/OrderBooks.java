package io.factoryops.sales;

import io.factoryops.platform.books.BooksCheck;
import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.books.BooksQueries;
import io.factoryops.platform.db.SqlReads;
import io.factoryops.platform.idempotency.CreatedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The books of orders: every order is whole, as {@link SalesOrder} writes it with its lines in one transaction — it
 * has lines, its {@code units} and {@code subtotal} are their sums, each line's total is its price times its
 * quantity, its tax is the subtotal at its rate (HALF_UP to cents) and its total the subtotal plus the tax. One
 * grouped query over the lines ({@code ix_order_lines_order}) joined to the orders. Orders are never deleted, so an
 * order an idempotency key created must exist ({@link CreatedDocuments}).
 */
@ApplicationScoped
public class OrderBooks implements BooksCheck, CreatedDocuments {

    private static final String LINES = "FROM orders o LEFT JOIN (SELECT order_id, SUM(quantity) AS units, "
            + "SUM(line_total) AS subtotal, SUM(CASE WHEN line_total <> unit_price * quantity THEN 1 ELSE 0 END) "
            + "AS wrong FROM order_lines GROUP BY order_id) l ON l.order_id = o.id";

    private static final String NOT_WHOLE = "(l.order_id IS NULL OR l.units <> o.units OR l.subtotal <> o.subtotal "
            + "OR l.wrong > 0 OR o.tax <> ROUND(o.subtotal * o.tax_rate, 2) OR o.total <> o.subtotal + o.tax)";

    @Inject
    SqlReads sql;

    @Override
    public String name() {
        return "orders_whole";
    }

    @Override
    public String description() {
        return "Every order has lines, its units and subtotal are their sums, each line's total is price × quantity, "
                + "its tax is the subtotal at its rate and its total subtotal + tax";
    }

    @Override
    public BooksCheckResult run(int limit) {
        return BooksQueries.run(sql, this, "o.id", LINES, NOT_WHOLE, limit);
    }

    @Override
    public Map<String, String> tables() {
        return Map.of("orders", "orders");
    }
}
