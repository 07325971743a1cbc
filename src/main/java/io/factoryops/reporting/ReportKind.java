package io.factoryops.reporting;

import java.util.Locale;

/** What a stored report run holds: the monthly inventory valuation or the procurement summary. */
public enum ReportKind {
    /** The inventory report of the month ({@link InventoryReport}): valuation, reorders, movements. */
    INVENTORY,
    /** The purchase-order report of the month ({@link PurchaseOrderReport}): the procurement summary. */
    PURCHASE_ORDERS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
