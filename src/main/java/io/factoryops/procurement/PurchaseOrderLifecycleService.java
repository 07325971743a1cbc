package io.factoryops.procurement;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The approval of purchase orders: managers submit drafts, managers (up to an approval limit) or admins approve or
 * reject them (four eyes: never whoever created, last edited or submitted the order, nor an account tied to theirs;
 * each refusal audited), and managers cancel them before anything is received. A transition locks the order's row
 * first; whoever must act next is notified in the same transaction.
 */
@ApplicationScoped
public class PurchaseOrderLifecycleService {

    @Inject
    PurchaseOrderAccess access;

    @Inject
    NotificationService notifications;

    @Inject
    AuditService audit;

    @Inject
    EventPublisher events;

    @Inject
    AccountDirectory accounts;

    /** Draft → pending; whoever may approve it (managers and admins, or admins above the limit) is told. */
    @Transactional
    public PurchaseOrderResponse submit(Caller caller, long id) {
        return published(
                EventType.PURCHASE_ORDER_SUBMITTED,
                access.changes().transition(access.lock(id), AuditAction.SUBMIT, order -> {
                    order.submit(caller.username());
                    notifications.notifyRole(
                            access.approver(order),
                            NotificationType.PO_AWAITING_APPROVAL,
                            "Purchase order " + order.getPoNumber() + " awaits approval",
                            caller.username() + " submitted " + order.getPoNumber() + " ("
                                    + order.getLines().size() + " lines, total "
                                    + order.getTotalAmount().toPlainString() + ") for approval.",
                            PurchaseOrderAccess.reference(order));
                }));
    }

    /** Tells integrators of a change of the order (in its transaction); answers the order. */
    private PurchaseOrderResponse published(EventType type, PurchaseOrderResponse order) {
        events.publish(type, order.id(), order);
        return order;
    }

    /**
     * Pending → approved, by a manager (up to the approval limit) or an admin who neither created, last edited
     * nor submitted it and whose account is not tied to any of theirs, at the version they read (If-Match,
     * required); the creator is told.
     */
    @Transactional
    public PurchaseOrderResponse approve(Caller caller, long id, long expectedVersion) {
        return published(
                EventType.PURCHASE_ORDER_APPROVED, decide(caller, id, expectedVersion, AuditAction.APPROVE, order -> {
                    order.approve(caller.username());
                    notifications.notifyUser(
                            order.getCreatedBy(),
                            NotificationType.PO_APPROVED,
                            "Purchase order " + order.getPoNumber() + " approved",
                            caller.username() + " approved " + order.getPoNumber() + ".",
                            PurchaseOrderAccess.reference(order));
                }));
    }

    /** Pending → rejected with a reason, under the same four eyes as approval; the creator is told why. */
    @Transactional
    public PurchaseOrderResponse reject(Caller caller, long id, long expectedVersion, RejectRequest request) {
        String reason = request.reason().trim();
        return published(
                EventType.PURCHASE_ORDER_REJECTED, decide(caller, id, expectedVersion, AuditAction.REJECT, order -> {
                    order.reject(caller.username(), reason);
                    notifications.notifyUser(
                            order.getCreatedBy(),
                            NotificationType.PO_REJECTED,
                            "Purchase order " + order.getPoNumber() + " rejected",
                            caller.username() + " rejected " + order.getPoNumber() + ": " + reason,
                            PurchaseOrderAccess.reference(order));
                }));
    }

    /**
     * An approval or rejection: the order locked, its version the one the caller read (412 otherwise), the
     * caller's role allowed to decide an order of its total (a manager up to the limit, 403 APPROVAL_LIMIT
     * above), four eyes (the order's own rule, then identity's ties between the caller's account and each of
     * the order's people). A refusal is audited ({@code APPROVE_REFUSED}, {@code REJECT_REFUSED}: who tried
     * and why) in a transaction of its own, since this one rolls back.
     */
    private PurchaseOrderResponse decide(
            Caller caller, long id, long expectedVersion, AuditAction action, Consumer<PurchaseOrder> change) {
        PurchaseOrder order = access.lock(id);
        Versions.check(order, expectedVersion, "Purchase order");
        String verb = action.name().toLowerCase(Locale.ROOT);
        try {
            if (!caller.has(access.approval(order))) {
                throw new ApprovalLimitException(
                        order.getPoNumber(), verb, order.getTotalAmount(), access.managerApprovalLimit());
            }
            order.requireFourEyes(caller.username(), verb);
            for (String person : order.people()) {
                accounts.ties(caller.username(), person).stream().findFirst().ifPresent(tie -> {
                    throw new RelatedAccountException(order.getPoNumber(), verb, person, tie);
                });
            }
        } catch (ApprovalLimitException | FourEyesException refused) {
            audit.recordIndependently(
                    caller.username(),
                    action.refused(),
                    "purchase_order",
                    id,
                    Map.of("code", refused.code().name(), "reason", refused.getMessage()));
            throw refused;
        }
        return access.changes().transition(order, action, change);
    }

    @Transactional
    public PurchaseOrderResponse cancel(long id) {
        return access.changes().transition(access.lock(id), AuditAction.CANCEL, PurchaseOrder::cancel);
    }
}
