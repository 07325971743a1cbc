package io.factoryops.events;

import io.factoryops.identity.Permission;
import java.util.Arrays;
import java.util.Optional;

/**
 * The integration events, a closed set: integrators switch on the {@link #value() type}, so never rename one. Each
 * names the collection of its resource (the event's {@code source}, {@code /api/<collection>}; its {@code subject}
 * is the resource's id) and the permission that reads every resource of that kind, which is what reading the event
 * needs (in the feed, and to subscribe to it).
 */
public enum EventType {
    ORDER_PLACED("order.placed", "orders", Permission.ORDERS_READ_ALL),
    ORDER_SHIPPED("order.shipped", "orders", Permission.ORDERS_READ_ALL),
    ORDER_COMPLETED("order.completed", "orders", Permission.ORDERS_READ_ALL),
    ORDER_CANCELLED("order.cancelled", "orders", Permission.ORDERS_READ_ALL),
    PRODUCT_STOCK_LOW("stock.low", "products", Permission.PRODUCTS_READ),
    PRODUCT_STOCK_OUT("stock.out", "products", Permission.PRODUCTS_READ),
    PART_STOCK_LOW("stock.low", "inventory/items", Permission.INVENTORY_READ),
    PART_STOCK_OUT("stock.out", "inventory/items", Permission.INVENTORY_READ),
    PURCHASE_ORDER_SUBMITTED("purchase_order.submitted", "purchase-orders", Permission.PURCHASE_ORDERS_READ),
    PURCHASE_ORDER_APPROVED("purchase_order.approved", "purchase-orders", Permission.PURCHASE_ORDERS_READ),
    PURCHASE_ORDER_REJECTED("purchase_order.rejected", "purchase-orders", Permission.PURCHASE_ORDERS_READ),
    PURCHASE_ORDER_RECEIVED("purchase_order.received", "purchase-orders", Permission.PURCHASE_ORDERS_READ),
    TICKET_OPENED("ticket.opened", "service-tickets", Permission.SERVICE_TICKETS_ASSIGN),
    TICKET_ASSIGNED("ticket.assigned", "service-tickets", Permission.SERVICE_TICKETS_ASSIGN),
    TICKET_COMPLETED("ticket.completed", "service-tickets", Permission.SERVICE_TICKETS_ASSIGN),
    PRODUCTION_RECORDED("production.recorded", "production", Permission.PRODUCTION_READ),
    PRODUCT_CREATED("product.created", "products", Permission.PRODUCTS_READ),
    PRODUCT_CHANGED("product.changed", "products", Permission.PRODUCTS_READ),
    PART_CREATED("part.created", "inventory/items", Permission.INVENTORY_READ),
    PART_CHANGED("part.changed", "inventory/items", Permission.INVENTORY_READ);

    /** Every type name, in order, once ({@code stock.low} and {@code stock.out} serve products and parts). */
    public static final java.util.List<String> NAMES =
            Arrays.stream(values()).map(EventType::value).distinct().toList();

    private final String value;
    private final String collection;
    private final Permission readPermission;

    EventType(String value, String collection, Permission readPermission) {
        this.value = value;
        this.collection = collection;
        this.readPermission = readPermission;
    }

    /** The CloudEvents {@code type}: {@code order.placed}, … */
    public String value() {
        return value;
    }

    /** The CloudEvents {@code source}: the resource's collection, {@code /api/orders}. */
    public String source() {
        return "/api/" + collection;
    }

    /** The permission that reads every resource this event tells about. */
    public Permission readPermission() {
        return readPermission;
    }

    /** The event types of this name (two for {@code stock.low} and {@code stock.out}: products and parts). */
    public static java.util.List<EventType> named(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).toList();
    }

    /** The event type of this name and source, as stored. */
    static Optional<EventType> of(String value, String source) {
        return Arrays.stream(values())
                .filter(t -> t.value.equals(value) && t.source().equals(source))
                .findFirst();
    }
}
