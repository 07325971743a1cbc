package io.factoryops.sales;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.Caller;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.db.Versions;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The life of an order after it is placed: shipped, completed, or cancelled (its stock returned, exactly once).
 * Each change locks the order's row first, then (a cancel) the stock items of its products; the read models hear
 * of each change of status ({@link OrderStatusChanged}, and {@link OrderCounted} -1 for a cancel) and it is audited.
 */
@ApplicationScoped
public class OrderLifecycleService {

    @Inject
    OrderAccess access;

    @Inject
    ProductService products;

    @Inject
    StockService stock;

    @Inject
    EventPublisher events;

    @Inject
    Event<OrderCounted> counted;

    @Inject
    Event<OrderStatusChanged> statusChanged;

    @Transactional
    public OrderResponse ship(Caller caller, long id) {
        return transition(caller, id, AuditAction.SHIP, SalesOrder::ship);
    }

    @Transactional
    public OrderResponse complete(Caller caller, long id) {
        return transition(caller, id, AuditAction.COMPLETE, SalesOrder::complete);
    }

    /** Cancels a placed order and returns its stock, exactly once (the order row is locked). */
    @Transactional
    public OrderResponse cancel(Caller caller, long id) {
        return transition(caller, id, AuditAction.CANCEL, this::cancelAndRestock);
    }

    /**
     * {@code DELETE /api/orders/{id}}: an order is never deleted (its ledger rows and figures refer to it), it is
     * cancelled at the version the caller read: a placed one exactly as {@link #cancel} does (the same path:
     * its stock returned once, audited as CANCEL); one cancelled already stays as it is (nothing to do); a
     * shipped or completed one is 409 {@code INVALID_TRANSITION}.
     */
    @Transactional
    public void delete(Caller caller, long id, long expectedVersion) {
        SalesOrder order = access.visible(caller, id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(order, expectedVersion, "Order");
        if (order.getStatus() != OrderStatus.CANCELLED) {
            transition(order, AuditAction.CANCEL, this::cancelAndRestock);
        }
    }

    /** Cancels a locked order and returns every line's units to stock (ledger rows ORDER_CANCELLED). */
    private void cancelAndRestock(SalesOrder order) {
        order.cancel();
        counted.fire(OrderCounted.of(order, -1));
        Map<Long, ProductSummary> summaries = products.summaries(order.getLines().stream()
                .map(OrderLine::getProductId)
                .distinct()
                .toList());
        StockService.Locked locked = stock.lock(
                summaries.values().stream().map(ProductSummary::stockItemId).toList());
        order.getLines().stream()
                .sorted(Comparator.comparingLong(OrderLine::getProductId))
                .forEach(line -> stock.add(
                        locked,
                        summaries.get(line.getProductId()).stockItemId(),
                        line.getQuantity(),
                        StockReason.ORDER_CANCELLED,
                        StockReference.order(order.getId()),
                        null));
    }

    private OrderResponse transition(Caller caller, long id, AuditAction action, Consumer<SalesOrder> change) {
        return transition(access.visible(caller, id, LockModeType.PESSIMISTIC_WRITE), action, change);
    }

    /** Applies a status change to an order locked by the caller, tells the read models and audits it. */
    private OrderResponse transition(SalesOrder order, AuditAction action, Consumer<SalesOrder> change) {
        OrderStatus before = order.getStatus();
        OrderResponse after = access.changes().transition(order, action, o -> {
            change.accept(o);
            statusChanged.fire(new OrderStatusChanged(o.getId(), before, o.getStatus()));
        });
        events.publish(eventOf(order.getStatus()), order.getId(), after);
        return after;
    }

    private static EventType eventOf(OrderStatus status) {
        return switch (status) {
            case SHIPPED -> EventType.ORDER_SHIPPED;
            case COMPLETED -> EventType.ORDER_COMPLETED;
            case CANCELLED -> EventType.ORDER_CANCELLED;
            case PLACED -> throw new IllegalStateException("An order's change never places it");
        };
    }
}
