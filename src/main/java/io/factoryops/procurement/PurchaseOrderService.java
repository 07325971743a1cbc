package io.factoryops.procurement;

import io.factoryops.identity.Caller;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.Dates;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.paging.SortFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Purchase orders: the list and its export, one order, and the drafts that managers write and replace. Their
 * approval (submit, approve, reject, cancel) is {@link PurchaseOrderLifecycleService}'s, the deliveries received
 * into stock {@link PurchaseOrderReceiptService}'s.
 */
@ApplicationScoped
public class PurchaseOrderService {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "po_number", "status", "expected_date", "total_amount", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    PurchaseOrderAccess access;

    @Inject
    SupplierService suppliers;

    @Inject
    PartService parts;

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
        return JpaPaging.rows(em, PurchaseOrder.class, page, SORT_ATTRIBUTES, where, chunk -> {
            Map<Long, String> names = suppliers.names(
                    chunk.stream().map(PurchaseOrder::getSupplierId).distinct().toList());
            return chunk.stream()
                    .map(o -> PurchaseOrderRow.of(o, names.get(o.getSupplierId())))
                    .toList();
        });
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
        return view(access.find(id));
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
        return access.changes().recorded(order, AuditAction.CREATE, null, Function.identity());
    }

    /**
     * Replaces supplier, dates, notes and lines of a draft or pending order (If-Match checked); the caller
     * becomes its last editor, and a pending order goes back to draft (it needs a new submit).
     */
    @Transactional
    public PurchaseOrderResponse replace(Caller caller, long id, Long expectedVersion, PurchaseOrderRequest request) {
        PurchaseOrder order = access.lock(id);
        Versions.check(order, expectedVersion, "Purchase order");
        return access.changes().revise(order, AuditAction.UPDATE, Function.identity(), o -> {
            o.requireStatus("edit", o.getStatus().editable());
            describe(caller, o, request);
        });
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

    private PurchaseOrderResponse view(PurchaseOrder order) {
        return access.view(order);
    }

    private PurchaseOrderResponse view(PurchaseOrder o, Map<Long, PartSummary> parts, Map<Long, String> supplierNames) {
        return access.view(o, parts, supplierNames);
    }
}
