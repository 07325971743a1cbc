package io.factoryops.sales;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.audit.AuditedChanges;
import io.factoryops.platform.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * What the orders' services share: who sees which order (admins all, other staff the orders they placed; any
 * other is 404), an order as the API shows it, and the shape every change of an order takes ({@link #changes()}: flushed, viewed, audited as {@code order}).
 */
@ApplicationScoped
class OrderAccess {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    ProductService products;

    @Inject
    AuditService audit;

    private AuditedChanges<SalesOrder, OrderResponse> changes;

    @PostConstruct
    void declareChanges() {
        changes = new AuditedChanges<>(em, audit, "order", o -> o.getStatus().value(), this::view);
    }

    /** How a change of a locked order ends: flushed, viewed and audited. */
    AuditedChanges<SalesOrder, OrderResponse> changes() {
        return changes;
    }

    /** The order, with the lock asked for, when the caller sees it; 404 otherwise. */
    SalesOrder visible(Caller caller, long id, LockModeType lock) {
        SalesOrder order = em.find(SalesOrder.class, id, lock);
        if (order == null || (!seesAll(caller) && order.getCreatedById() != caller.id())) {
            throw ApiException.notFound("Order", id);
        }
        return order;
    }

    static boolean seesAll(Caller caller) {
        return caller.has(Permission.ORDERS_READ_ALL);
    }

    OrderResponse view(SalesOrder order) {
        return view(
                order,
                products.summaries(order.getLines().stream()
                        .map(OrderLine::getProductId)
                        .distinct()
                        .toList()));
    }

    static OrderResponse view(SalesOrder o, Map<Long, ProductSummary> summaries) {
        List<OrderResponse.Line> lines = o.getLines().stream()
                .map(l -> new OrderResponse.Line(
                        l.getLineNo(),
                        l.getProductId(),
                        summaries.get(l.getProductId()).name(),
                        l.getQuantity(),
                        l.getUnitPrice(),
                        l.getLineTotal(),
                        summaries.get(l.getProductId()).stockQuantity()))
                .toList();
        return new OrderResponse(
                o.getId(),
                o.getStatus().value(),
                o.getOrderDate(),
                CustomerResponse.of(o.getCustomer()),
                lines,
                o.getSubtotal(),
                o.getTaxRate().stripTrailingZeros(),
                o.getTax(),
                o.getTotal(),
                o.getStatus().allowedTransitions(),
                o.getCreatedBy(),
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }
}
