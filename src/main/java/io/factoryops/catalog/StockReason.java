package io.factoryops.catalog;

/** Why a stock quantity changed; each ledger row names one. */
public enum StockReason {
    INITIAL,
    ORDER,
    ORDER_CANCELLED,
    PRODUCTION,
    PRODUCTION_CHANGED,
    PRODUCTION_DELETED,
    ADJUSTMENT
}
