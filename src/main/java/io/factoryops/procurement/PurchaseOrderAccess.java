package io.factoryops.procurement;

import io.factoryops.identity.Permission;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.notification.Reference;
import io.factoryops.notification.ReferenceType;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.audit.AuditedChanges;
import io.factoryops.platform.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the purchase orders' services share: an order found or locked (404 otherwise), the least role that
 * decides it (the managers' approval limit), the order as the API shows it, and the shape every change of one
 * takes ({@link #changes()}: flushed, viewed, audited as {@code purchase_order}).
 */
@ApplicationScoped
class PurchaseOrderAccess {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    SupplierService suppliers;

    @Inject
    PartService parts;

    @Inject
    AuditService audit;

    /** The largest total a manager approves or rejects; above it, admins only. */
    @Inject
    @ConfigProperty(name = "factory.purchase-orders.manager-approval-limit", defaultValue = "5000.00")
    BigDecimal managerApprovalLimit;

    private AuditedChanges<PurchaseOrder, PurchaseOrderResponse> changes;

    @PostConstruct
    void checkApprovalLimit() {
        if (!Decimals.inRange(
                managerApprovalLimit.stripTrailingZeros(), BigDecimal.ZERO, new BigDecimal("999999999999.99"), 2)) {
            throw new IllegalStateException(
                    "factory.purchase-orders.manager-approval-limit must be an amount from 0 to "
                            + "999999999999.99 with at most 2 decimals, e.g. 5000.00 (0: admins approve every order); it is "
                            + managerApprovalLimit);
        }
        changes = new AuditedChanges<>(
                em, audit, "purchase_order", o -> o.getStatus().value(), this::view);
    }

    /** How a change of a locked order ends: flushed, viewed and audited. */
    AuditedChanges<PurchaseOrder, PurchaseOrderResponse> changes() {
        return changes;
    }

    /** The order; 404 when there is none. */
    PurchaseOrder find(long id) {
        return find(id, LockModeType.NONE);
    }

    /** The order's row locked for the change to come (first thing in the transaction); 404 when there is none. */
    PurchaseOrder lock(long id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private PurchaseOrder find(long id, LockModeType lock) {
        PurchaseOrder order = em.find(PurchaseOrder.class, id, lock);
        if (order == null) {
            throw ApiException.notFound("Purchase order", id);
        }
        return order;
    }

    BigDecimal managerApprovalLimit() {
        return managerApprovalLimit;
    }

    /** The least role that approves or rejects the order: manager up to the limit, admin above it. */
    Role approver(PurchaseOrder order) {
        return aboveLimit(order) ? Role.ADMIN : Role.MANAGER;
    }

    /** The permission that approves or rejects the order: above the manager's limit, an admin's. */
    Permission approval(PurchaseOrder order) {
        return aboveLimit(order) ? Permission.PURCHASE_ORDERS_APPROVE_ABOVE_LIMIT : Permission.PURCHASE_ORDERS_APPROVE;
    }

    private boolean aboveLimit(PurchaseOrder order) {
        return order.getTotalAmount().compareTo(managerApprovalLimit) > 0;
    }

    PurchaseOrderResponse view(PurchaseOrder order) {
        return view(
                order,
                parts.summaries(
                        order.getLines().stream()
                                .map(PurchaseOrderLine::getPartId)
                                .distinct()
                                .toList(),
                        "item_id"),
                suppliers.names(List.of(order.getSupplierId())));
    }

    PurchaseOrderResponse view(PurchaseOrder o, Map<Long, PartSummary> parts, Map<Long, String> supplierNames) {
        return PurchaseOrderResponse.of(
                o, parts, supplierNames.get(o.getSupplierId()), approver(o).value());
    }

    static Reference reference(PurchaseOrder order) {
        return new Reference(ReferenceType.PURCHASE_ORDER, order.getId());
    }
}
