package io.factoryops.stock;

import java.util.Objects;

/** What caused a ledger row: a document type and its id, e.g. (ORDER, 42). */
public record StockReference(StockReferenceType type, long id) {

    public StockReference {
        Objects.requireNonNull(type, "type");
    }

    public static StockReference order(long id) {
        return new StockReference(StockReferenceType.ORDER, id);
    }

    public static StockReference productionRecord(long id) {
        return new StockReference(StockReferenceType.PRODUCTION_RECORD, id);
    }

    public static StockReference purchaseOrderReceipt(long id) {
        return new StockReference(StockReferenceType.PURCHASE_ORDER_RECEIPT, id);
    }

    public static StockReference serviceTicket(long id) {
        return new StockReference(StockReferenceType.SERVICE_TICKET, id);
    }
}
