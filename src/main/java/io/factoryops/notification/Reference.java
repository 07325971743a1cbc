package io.factoryops.notification;

import java.util.Objects;

/** The object a notification is about: a product, a part, a purchase order or a service ticket, by id. */
public record Reference(ReferenceType type, long id) {

    public Reference {
        Objects.requireNonNull(type, "type");
    }

    public static Reference product(long id) {
        return new Reference(ReferenceType.PRODUCT, id);
    }

    public static Reference part(long id) {
        return new Reference(ReferenceType.PART, id);
    }

    public static Reference purchaseOrder(long id) {
        return new Reference(ReferenceType.PURCHASE_ORDER, id);
    }

    public static Reference serviceTicket(long id) {
        return new Reference(ReferenceType.SERVICE_TICKET, id);
    }
}
