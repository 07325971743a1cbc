package io.factoryops.notification;

/** The kind of object a notification refers to. */
public enum ReferenceType {
    PRODUCT,
    PART,
    PURCHASE_ORDER,
    SERVICE_TICKET
}
