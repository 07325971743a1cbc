package io.factoryops.stock;

/** Why a stock quantity changed; each ledger row names one. */
public enum StockReason {
    /** The stock a product or part was created with. */
    INITIAL,
    ORDER,
    /**
     * A placed order was changed: its lines took the units they grew by, or gave back what they shrank by or
     * dropped.
     */
    ORDER_CHANGED,
    ORDER_CANCELLED,
    /** Units a production record added to its product. */
    PRODUCTION,
    PRODUCTION_CHANGED,
    PRODUCTION_DELETED,
    /** Parts of a bill of materials that a production record consumed (or gave back when changed or deleted). */
    PRODUCTION_CONSUMPTION,
    /** A counted correction by a manager. */
    ADJUSTMENT,
    /** Parts received against a purchase order. */
    PURCHASE_RECEIPT,
    /** Manual moves of parts: received outside a purchase order, counted, damaged, returned, consumed. */
    RECEIPT,
    COUNT,
    DAMAGE,
    RETURN,
    CONSUMPTION,
    /** Parts fitted on a service ticket, and given back when the ticket is cancelled or the line removed. */
    SERVICE_TICKET,
    SERVICE_TICKET_RETURNED;

    /**
     * Whether stock moved in for this reason only gives back units that a document took (a cancelled order, an
     * order's line lowered or dropped, a returned ticket line, parts a changed production record no longer consumes): such a rise does not end a
     * dip below the reorder level, so taking the units again raises no new low-stock alert. Any other rise
     * above the reorder level (received, produced, counted) does.
     */
    public boolean givesBack() {
        return this == ORDER_CANCELLED
                || this == ORDER_CHANGED
                || this == PRODUCTION_CONSUMPTION
                || this == SERVICE_TICKET_RETURNED;
    }
}
