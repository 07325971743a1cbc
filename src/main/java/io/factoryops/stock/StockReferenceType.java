package io.factoryops.stock;

/** The kinds of document that move stock; a ledger row names one with its id (none for a manual move). */
public enum StockReferenceType {
    ORDER,
    PRODUCTION_RECORD,
    PURCHASE_ORDER_RECEIPT,
    SERVICE_TICKET
}
