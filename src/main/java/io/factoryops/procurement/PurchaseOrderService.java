package io.factoryops.procurement;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.notification.Reference;
import io.factoryops.notification.ReferenceType;
import io.factoryops.platform.Dates;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purchase orders: drafts that managers write and submit, managers (up to an approval limit) or admins
 * approve or reject (four eyes: never
 * whoever created, last edited or submitted the order, nor an account tied to theirs; each refusal
 * audited), and deliveries received into stock through the ledger. A transition locks the order's row
 * first (so two receipts or a receipt and a cancel of one order run one after the other), then, for a
 * receipt, the stock items of its parts (the ledger's order); creators and admins are notified in the
 * same transaction.
 */
@ApplicationScoped
public class PurchaseOrderService {

    public static final Set<String> SORTABLE =
            Set.of("id", "po_number", "status", "expected_date", "total_amount", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of(
            "id",
            "id",
            "po_number",
            "poNumber",
            "status",
            "status",
            "expected_date",
            "expectedDate",
            "total_amount",
            "totalAmount",
            "created_at",
            "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    SupplierService suppliers;

    @Inject
    PartService parts;

    @Inject
    StockService stock;

    @Inject
    NotificationService notifications;

    @Inject
    AuditService audit;

    @Inject
    AccountDirectory accounts;

    /** The largest total a manager approves or rejects; above it, admins only. */
    @Inject
    @ConfigProperty(name = "factory.purchase-orders.manager-approval-limit", defaultValue = "5000.00")
    BigDecimal managerApprovalLimit;

    @PostConstruct
    void checkApprovalLimit() {
        if (!Decimals.inRange(
                managerApprovalLimit.stripTrailingZeros(), BigDecimal.ZERO, new BigDecimal("999999999999.99"), 2)) {
            throw new IllegalStateException(
                    "factory.purchase-orders.manager-approval-limit must be an amount from 0 to "
                            + "999999999999.99 with at most 2 decimals, e.g. 5000.00 (0: admins approve every order); it is "
                            + managerApprovalLimit);
        }
    }

    /** Filters of the list besides {@code q} (po_number). Parsed from {@link PurchaseOrderListParameters}. */
    public record Filter(PurchaseOrderStatus status, Long supplierId, LocalDate dateFrom, LocalDate dateTo) {}

    @Transactional
    public Page<PurchaseOrderResponse> list(PageRequest page, Filter filter) {
        Page<PurchaseOrder> found = JpaPaging.find(em, PurchaseOrder.class, page, SORT_ATTRIBUTES, where(page, filter));
        // the page's lines load in one query (@BatchFetch on PurchaseOrder), not one per order
        Map<Long, PartSummary> partNames = parts.summaries(
                found.data().stream()
                        .flatMap(o -> o.getLines().stream())
                        .map(PurchaseOrderLine::getPartId)
                        .distinct()
                        .toList(),
                "item_id");
        Map<Long, String> supplierNames = suppliers.names(found.data().stream()
                .map(PurchaseOrder::getSupplierId)
                .distinct()
                .toList());
        return found.map(o -> view(o, partNames, supplierNames));
    }

    /**
     * The export of the list: one flat row per purchase order its filters select, in its sort, with the
     * supplier's name (the suppliers' names read with each chunk of orders, in one query, not one per order), streamed
     * when the caller runs {@link Rows#forEach} (a transaction per chunk).
     */
    @Transactional
    public Rows<PurchaseOrderRow> export(PageRequest page, Filter filter) {
        JpaPaging.Filter<PurchaseOrder> where = where(page, filter);
        return new Rows<>() {
            @Override
            public long count() {
                return JpaPaging.count(em, PurchaseOrder.class, where);
            }

            @Override
            public long forEach(Consumer<? super PurchaseOrderRow> sink) {
                return JpaPaging.streamChunks(
                        em,
                        PurchaseOrder.class,
                        page,
                        SORT_ATTRIBUTES,
                        where,
                        chunk -> {
                            Map<Long, String> names = suppliers.names(chunk.stream()
                                    .map(PurchaseOrder::getSupplierId)
                                    .distinct()
                                    .toList());
                            return chunk.stream()
                                    .map(o -> PurchaseOrderRow.of(o, names.get(o.getSupplierId())))
                                    .toList();
                        },
                        sink);
            }
        };
    }

    /** The WHERE of the list and of its export. */
    private static JpaPaging.Filter<PurchaseOrder> where(PageRequest page, Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "poNumber"));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.supplierId() != null) {
                where.add(cb.equal(root.get("supplierId"), filter.supplierId()));
            }
            if (filter.dateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), Dates.startOf(filter.dateFrom())));
            }
            if (filter.dateTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("createdAt"), Dates.endOf(filter.dateTo())));
            }
            return where;
        };
    }

    /** Purchase orders in these statuses, counted per status (one range of ix_purchase_orders_status each). */
    @Transactional
    public Map<PurchaseOrderStatus, Long> countByStatus(Set<PurchaseOrderStatus> statuses) {
        Map<PurchaseOrderStatus, Long> counts = new EnumMap<>(PurchaseOrderStatus.class);
        statuses.forEach(status -> counts.put(status, 0L));
        em.createQuery(
                        "SELECT o.status, COUNT(o) FROM PurchaseOrder o WHERE o.status IN :statuses "
                                + "GROUP BY o.status",
                        Object[].class)
                .setParameter("statuses", statuses)
                .getResultList()
                .forEach(r -> counts.put((PurchaseOrderStatus) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Transactional
    public PurchaseOrderResponse get(long id) {
        return view(find(id, LockModeType.NONE));
    }

    /** A new draft, created by the caller; its number is PO-year-id. */
    @Transactional
    public PurchaseOrderResponse create(Caller caller, PurchaseOrderRequest request) {
        PurchaseOrder order = new PurchaseOrder(
                caller.username(), "PO-new-" + UUID.randomUUID().toString().replace("-", ""));
        describe(caller, order, request);
        em.persist(order);
        em.flush();
        order.numbered(LocalDate.now(ZoneOffset.UTC).getYear());
        em.flush();
        PurchaseOrderResponse created = view(order);
        audit.record(AuditAction.CREATE, "purchase_order", order.getId(), null, created);
        return created;
    }

    /**
     * Replaces supplier, dates, notes and lines of a draft or pending order (If-Match checked); the caller
     * becomes its last editor, and a pending order goes back to draft (it needs a new submit).
     */
    @Transactional
    public PurchaseOrderResponse replace(Caller caller, long id, Long expectedVersion, PurchaseOrderRequest request) {
        PurchaseOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(order, expectedVersion, "Purchase order");
        PurchaseOrderResponse before = view(order);
        order.requireStatus("edit", order.getStatus().editable());
        describe(caller, order, request);
        em.flush();
        PurchaseOrderResponse after = view(order);
        audit.record(AuditAction.UPDATE, "purchase_order", id, before, after);
        return after;
    }

    /** Draft → pending; whoever may approve it (managers and admins, or admins above the limit) is told. */
    @Transactional
    public PurchaseOrderResponse submit(Caller caller, long id) {
        return transition(id, AuditAction.SUBMIT, order -> {
            order.submit(caller.username());
            notifications.notifyRole(
                    approver(order),
                    NotificationType.PO_AWAITING_APPROVAL,
                    "Purchase order " + order.getPoNumber() + " awaits approval",
                    caller.username() + " submitted " + order.getPoNumber() + " ("
                            + order.getLines().size() + " lines, total "
                            + order.getTotalAmount().toPlainString() + ") for approval.",
                    reference(order));
        });
    }

    /**
     * Pending → approved, by a manager (up to the approval limit) or an admin who neither created, last edited
     * nor submitted it and whose account is not tied to any of theirs, at the version they read (If-Match,
     * required); the creator is told.
     */
    @Transactional
    public PurchaseOrderResponse approve(Caller caller, long id, long expectedVersion) {
        return decide(caller, id, expectedVersion, AuditAction.APPROVE, order -> {
            order.approve(caller.username());
            notifications.notifyUser(
                    order.getCreatedBy(),
                    NotificationType.PO_APPROVED,
                    "Purchase order " + order.getPoNumber() + " approved",
                    caller.username() + " approved " + order.getPoNumber() + ".",
                    reference(order));
        });
    }

    /** Pending → rejected with a reason, under the same four eyes as approval; the creator is told why. */
    @Transactional
    public PurchaseOrderResponse reject(Caller caller, long id, long expectedVersion, RejectRequest request) {
        String reason = request.reason().trim();
        return decide(caller, id, expectedVersion, AuditAction.REJECT, order -> {
            order.reject(caller.username(), reason);
            notifications.notifyUser(
                    order.getCreatedBy(),
                    NotificationType.PO_REJECTED,
                    "Purchase order " + order.getPoNumber() + " rejected",
                    caller.username() + " rejected " + order.getPoNumber() + ": " + reason,
                    reference(order));
        });
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
        PurchaseOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(order, expectedVersion, "Purchase order");
        String verb = action.name().toLowerCase(java.util.Locale.ROOT);
        try {
            if (!caller.role().includes().contains(approver(order))) {
                throw new ApprovalLimitException(
                        order.getPoNumber(), verb, order.getTotalAmount(), managerApprovalLimit);
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
        return transition(order, action, change);
    }

    @Transactional
    public PurchaseOrderResponse cancel(long id) {
        return transition(id, AuditAction.CANCEL, PurchaseOrder::cancel);
    }

    /**
     * Receives a delivery: per line at most what is outstanding (400 naming the line otherwise), the
     * parts added to stock through the ledger under one receipt, all or nothing.
     */
    @Transactional
    public PurchaseOrderResponse receive(Caller caller, long id, ReceiveRequest request) {
        PurchaseOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        order.requireStatus("receive", order.getStatus().allowedTransitions().contains("receive"));
        Map<Long, PurchaseOrderLine> lines = new HashMap<>();
        order.getLines().forEach(l -> lines.put(l.getId(), l));
        Map<Long, Integer> units = new LinkedHashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiveRequest.Line r = request.lines().get(i);
            PurchaseOrderLine line = lines.get(r.lineId());
            if (line == null) {
                throw ApiException.notFoundField(
                        "lines[" + i + "].line_id", "Line of purchase order " + order.getPoNumber(), r.lineId());
            }
            if (units.containsKey(r.lineId())) {
                throw ApiException.invalidField("lines[" + i + "].line_id", "line " + r.lineId() + " is listed twice");
            }
            if (r.quantity() > line.outstanding()) {
                throw ApiException.invalidField(
                        "lines[" + i + "].quantity",
                        "only " + line.outstanding()
                                + " of line " + r.lineId() + " are outstanding (ordered " + line.getQuantity()
                                + ", received "
                                + line.getReceivedQuantity() + ")");
            }
            units.put(r.lineId(), r.quantity());
        }
        return receive(caller, order, units, AuditAction.RECEIVE);
    }

    /** The seed's deliver: receives everything outstanding. */
    @Transactional
    public PurchaseOrderResponse deliver(Caller caller, long id) {
        PurchaseOrder order = find(id, LockModeType.PESSIMISTIC_WRITE);
        order.requireStatus("deliver", order.getStatus().allowedTransitions().contains("deliver"));
        Map<Long, Integer> units = new LinkedHashMap<>();
        order.getLines().stream().filter(l -> l.outstanding() > 0).forEach(l -> units.put(l.getId(), l.outstanding()));
        return receive(caller, order, units, AuditAction.DELIVER);
    }

    private PurchaseOrderResponse receive(
            Caller caller, PurchaseOrder order, Map<Long, Integer> units, AuditAction action) {
        PurchaseOrderResponse before = view(order);
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt(order.getId(), caller.username());
        em.persist(receipt);
        em.flush();
        Map<Long, Long> partOfLine = new HashMap<>();
        order.getLines().forEach(l -> partOfLine.put(l.getId(), l.getPartId()));
        Map<Long, PartSummary> summaries = parts.summaries(new HashSet<>(partOfLine.values()), "item_id");
        Map<Long, Integer> byItem = new TreeMap<>();
        units.forEach((lineId, n) ->
                byItem.merge(summaries.get(partOfLine.get(lineId)).stockItemId(), n, Integer::sum));
        StockService.Locked locked = stock.lock(byItem.keySet());
        order.receive(action.name().toLowerCase(java.util.Locale.ROOT), units);
        StockReference reference = StockReference.purchaseOrderReceipt(receipt.getId());
        byItem.forEach(
                (item, n) -> stock.add(locked, item, n, StockReason.PURCHASE_RECEIPT, reference, order.getPoNumber()));
        em.flush();
        PurchaseOrderResponse after = view(order);
        audit.record(action, "purchase_order", order.getId(), before, after);
        return after;
    }

    private PurchaseOrderResponse transition(long id, AuditAction action, Consumer<PurchaseOrder> change) {
        return transition(find(id, LockModeType.PESSIMISTIC_WRITE), action, change);
    }

    private PurchaseOrderResponse transition(PurchaseOrder order, AuditAction action, Consumer<PurchaseOrder> change) {
        long id = order.getId();
        String before = order.getStatus().value();
        change.accept(order);
        em.flush();
        PurchaseOrderResponse after = view(order);
        audit.record(action, "purchase_order", id, Map.of("status", before), Map.of("status", after.status()));
        return after;
    }

    /**
     * Checks and applies a request: a known, active supplier; each part once, known and active (404 or
     * 400 naming the line); unit cost defaulting to the part's; a total the column holds.
     */
    private void describe(Caller caller, PurchaseOrder order, PurchaseOrderRequest request) {
        if (!suppliers.isActive(request.supplierId())) {
            if (!suppliers.exists(request.supplierId())) {
                throw ApiException.notFoundField("supplier_id", "Supplier", request.supplierId());
            }
            throw ApiException.invalidField("supplier_id", "supplier " + request.supplierId() + " is inactive");
        }
        Set<Long> seen = new HashSet<>();
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PurchaseOrderRequest.Line line = request.lines().get(i);
            if (!seen.add(line.itemId())) {
                throw ApiException.invalidField(
                        "lines[" + i + "].item_id", "part " + line.itemId() + " is listed twice");
            }
            PartSummary part = parts.summaries(List.of(line.itemId()), "lines[" + i + "].item_id")
                    .get(line.itemId());
            if (!part.active()) {
                throw ApiException.invalidField("lines[" + i + "].item_id", "part " + line.itemId() + " is inactive");
            }
            lines.add(new Object[] {
                line.itemId(), line.quantity(), line.unitCost() == null ? part.unitCost() : line.unitCost()
            });
        }
        order.describe(
                caller.username(),
                request.supplierId(),
                request.expectedDate(),
                Text.trimToNull(request.notes()),
                lines);
        if (order.getTotalAmount().compareTo(PurchaseOrder.MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(
                    "lines",
                    "the total would be " + order.getTotalAmount().toPlainString()
                            + ", more than a purchase order can hold (" + PurchaseOrder.MAX_AMOUNT.toPlainString()
                            + ")");
        }
    }

    private PurchaseOrder find(long id, LockModeType lock) {
        PurchaseOrder order = em.find(PurchaseOrder.class, id, lock);
        if (order == null) {
            throw ApiException.notFound("Purchase order", id);
        }
        return order;
    }

    /** The least role that approves or rejects the order: manager up to the limit, admin above it. */
    private Role approver(PurchaseOrder order) {
        return order.getTotalAmount().compareTo(managerApprovalLimit) > 0 ? Role.ADMIN : Role.MANAGER;
    }

    private PurchaseOrderResponse view(PurchaseOrder order) {
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

    private PurchaseOrderResponse view(PurchaseOrder o, Map<Long, PartSummary> parts, Map<Long, String> supplierNames) {
        List<PurchaseOrderResponse.Line> lines = o.getLines().stream()
                .map(l -> new PurchaseOrderResponse.Line(
                        l.getId(),
                        l.getLineNo(),
                        l.getPartId(),
                        parts.get(l.getPartId()).sku(),
                        parts.get(l.getPartId()).name(),
                        l.getQuantity(),
                        l.getUnitCost(),
                        l.getLineTotal(),
                        l.getReceivedQuantity()))
                .toList();
        return new PurchaseOrderResponse(
                o.getId(),
                o.getPoNumber(),
                o.getSupplierId(),
                supplierNames.get(o.getSupplierId()),
                o.getStatus().value(),
                o.getExpectedDate(),
                o.getNotes(),
                lines,
                o.getTotalAmount(),
                o.getCreatedBy(),
                o.getLastEditedBy(),
                o.getSubmittedBy(),
                o.getSubmittedAt(),
                o.getApprovedBy(),
                o.getApprovedAt(),
                o.getRejectedBy(),
                o.getRejectedAt(),
                o.getRejectionReason(),
                o.getReceivedAt(),
                o.getCancelledAt(),
                o.getStatus().allowedTransitions(),
                approver(o).value(),
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }

    private static Reference reference(PurchaseOrder order) {
        return new Reference(ReferenceType.PURCHASE_ORDER, order.getId());
    }
}
