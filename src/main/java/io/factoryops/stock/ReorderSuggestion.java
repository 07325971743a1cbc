package io.factoryops.stock;

/**
 * What to order to restock an item.
 *
 * @param itemId     the part to order
 * @param supplierId its preferred supplier, or null when it has none
 * @param quantity   how many (the part's reorder quantity), at least 1
 */
public record ReorderSuggestion(long itemId, Long supplierId, int quantity) {

    public ReorderSuggestion {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }
}
