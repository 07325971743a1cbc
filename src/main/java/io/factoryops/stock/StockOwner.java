package io.factoryops.stock;

/** What owns a stock item (a product, a part): its label and its version with the item's movements. */
public interface StockOwner {

    Long getId();

    String getSku();

    String getName();

    StockItem getStock();

    /** The version the API shows: the owner's changes and its stock movements. */
    long representationVersion();
}
