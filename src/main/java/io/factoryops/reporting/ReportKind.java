package io.factoryops.reporting;

import java.util.Locale;

/** What a stored report run holds: the monthly inventory valuation or the procurement summary. */
public enum ReportKind {
    /** The inventory report of the month ({@link InventoryReport}): valuation, reorders, movements. */
    INVENTORY(InventoryReport.class, "Inventory report"),
    /** The purchase-order report of the month ({@link PurchaseOrderReport}): the procurement summary. */
    PURCHASE_ORDERS(PurchaseOrderReport.class, "Purchase-order report");

    private final Class<? extends Report> reportType;
    private final String title;

    ReportKind(Class<? extends Report> reportType, String title) {
        this.reportType = reportType;
        this.title = title;
    }

    /** The report a run of this kind stores (its JSON). */
    Class<? extends Report> reportType() {
        return reportType;
    }

    /** The title of its documents. */
    String title() {
        return title;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
