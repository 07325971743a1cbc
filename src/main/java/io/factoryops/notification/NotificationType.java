package io.factoryops.notification;

/** What a notification is about. A closed set: integrators switch on it, so never rename one. */
public enum NotificationType {
    /** A product or part fell below its reorder level (to managers). */
    LOW_STOCK,
    /** A purchase order waits for an admin's approval (to admins). */
    PO_AWAITING_APPROVAL,
    /** A purchase order was approved (to its creator). */
    PO_APPROVED,
    /** A purchase order was rejected (to its creator). */
    PO_REJECTED,
    /** The monthly reports were stored (to managers; mailed with the reports attached). */
    REPORT_READY(true),
    /** A service ticket started, was completed or was cancelled (to the accounts of its customer). */
    TICKET_STATUS_CHANGED(false),
    /** A webhook subscription failed for too long and was disabled (to its owner). */
    WEBHOOK_DISABLED(false);

    private final boolean alert;

    NotificationType() {
        this(true);
    }

    NotificationType(boolean alert) {
        this.alert = alert;
    }

    /**
     * Whether it is an alert about a standing condition, mailed at most once per minimum interval per object
     * ({@code factory.mail.min-interval}); otherwise an event, each one mailed (a ticket that starts and then
     * completes within the interval is told twice).
     */
    public boolean alert() {
        return alert;
    }
}
