package io.factoryops.catalog;

import java.math.BigDecimal;

/** What other features need to know of a product: its name, current price and stock. */
public record ProductSummary(long id, String name, BigDecimal price, int stockQuantity) {
}
