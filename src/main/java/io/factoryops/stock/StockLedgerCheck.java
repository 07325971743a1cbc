package io.factoryops.stock;

import io.factoryops.platform.books.BooksCheck;
import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.books.BooksQueries;
import io.factoryops.platform.db.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The ledger's books: every stock item's quantity equals the sum of its ledger rows (what {@link StockService}
 * keeps, writing both in one transaction). One grouped query: the ledger summed per item
 * ({@code ix_stock_movements_item} holds the item of every row), joined to the items.
 */
@ApplicationScoped
public class StockLedgerCheck implements BooksCheck {

    private static final String SUMS = "FROM stock_items i LEFT JOIN (SELECT stock_item_id, SUM(delta) AS total "
            + "FROM stock_movements GROUP BY stock_item_id) m ON m.stock_item_id = i.id";

    @Inject
    SqlReads sql;

    @Override
    public String name() {
        return "stock_ledger";
    }

    @Override
    public String description() {
        return "Every stock item's quantity (products and parts) equals the sum of its ledger rows";
    }

    @Override
    public BooksCheckResult run(int limit) {
        return BooksQueries.run(sql, this, "i.id", SUMS, "i.quantity <> COALESCE(m.total, 0)", limit);
    }
}
