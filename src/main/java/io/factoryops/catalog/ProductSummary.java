package io.factoryops.catalog;

import java.math.BigDecimal;

/**
 * What other features need to know of a product: its name, current price, its stock item (to lock and
 * move it through the stock ledger), its stock when read and whether it is still sold.
 */
public record ProductSummary(
        long id, String name, BigDecimal price, long stockItemId, int stockQuantity, boolean active) {

    /** The select list and source that {@link #of} reads; append the WHERE clause. */
    static final String SELECT =
            "SELECT p.id, p.name, p.price, s.id, s.quantity, s.active FROM Product p JOIN p.stock s ";

    /** One row of a query that starts with {@link #SELECT}. */
    static ProductSummary of(Object[] row) {
        return new ProductSummary(
                (Long) row[0],
                (String) row[1],
                (BigDecimal) row[2],
                (Long) row[3],
                ((Number) row[4]).intValue(),
                (Boolean) row[5]);
    }

    /** This product with the stock a locked move left. */
    public ProductSummary withStock(int quantity) {
        return new ProductSummary(id, name, price, stockItemId, quantity, active);
    }
}
