package io.factoryops.stock;

/** What a request that creates or replaces a stock owner says about its stock item. */
public interface StockOwnerRequest {

    String sku();

    String name();

    /** Null: 0. */
    Integer reorderLevel();

    /** Null: active on create, unchanged on replace. */
    Boolean active();
}
