package io.factoryops.stock;

/**
 * A stock item's quantity crossed from at or above its reorder level to below it. Fired synchronously by
 * {@link StockService} inside the transaction that moved the stock, while the item's row is locked, and
 * only once per crossing: not again until the quantity has recovered above the reorder level (units given
 * back, {@link StockReason#givesBack}, are no recovery). An
 * observer that writes (a notification, a mail in the outbox) therefore commits or rolls back with the
 * movement.
 *
 * @param stockItemId   the stock item
 * @param kind          product or part
 * @param ownerId       the product's or the part's id
 * @param sku           the product's or part's SKU
 * @param name          the product's or part's name
 * @param quantityBefore the quantity before the movement
 * @param quantityAfter  the quantity after it
 * @param reorderLevel   the reorder level it fell below
 */
public record StockFellBelowReorderLevel(
        long stockItemId,
        StockItemKind kind,
        long ownerId,
        String sku,
        String name,
        int quantityBefore,
        int quantityAfter,
        int reorderLevel) {}
