package io.factoryops.stock;

/** What a counted stock item is: a product the plant makes and sells, or a part it buys and consumes. */
public enum StockItemKind {
    PRODUCT,
    PART
}
