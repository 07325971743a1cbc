package io.factoryops.stock;

/** One item that lacks stock for a move: what it is, how much was asked for, how much there is. */
public record StockShortage(
        long stockItemId, StockItemKind kind, long ownerId, String sku, String name, int requested, int available) {}
