package io.factoryops.stock;

/**
 * A stock item's stored status changed (a movement or a new reorder level crossed a boundary). Fired
 * synchronously by {@link StockService} inside the transaction and under the item's lock, so that an
 * owner's copy of the status (a part's, for its list's index) commits or rolls back with the change.
 */
public record StockStatusChanged(long stockItemId, StockItemKind kind, Long ownerId, StockStatus status) {}
