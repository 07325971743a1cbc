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
    REPORT_READY
}
