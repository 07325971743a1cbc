package io.factoryops.stock;

/**
 * Where a stock item's quantity stands against its reorder level: above it, at or below it (low), or at
 * zero (out). Stored with the quantity, so that lists filter on it through an index.
 */
public enum StockStatus {
    IN_STOCK,
    LOW_STOCK,
    OUT_OF_STOCK;

    public static StockStatus of(int quantity, int reorderLevel) {
        if (quantity == 0) {
            return OUT_OF_STOCK;
        }
        return quantity <= reorderLevel ? LOW_STOCK : IN_STOCK;
    }

    /** The name on the wire and in query parameters: {@code in_stock}, {@code low_stock}, {@code out_of_stock}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
