package io.factoryops.catalog;

import java.math.BigDecimal;

/** What other features need to know of a product: its name, current price and stock. */
public record ProductSummary(long id, String name, BigDecimal price, int stockQuantity) {

    /** The select list and source that {@link #of} reads; append the WHERE clause. */
    static final String SELECT = "SELECT p.id, p.name, p.price, p.stockQuantity FROM Product p ";

    /** One row of a query that starts with {@link #SELECT}. */
    static ProductSummary of(Object[] row) {
        return new ProductSummary((Long) row[0], (String) row[1], (BigDecimal) row[2], ((Number) row[3]).intValue());
    }
}
