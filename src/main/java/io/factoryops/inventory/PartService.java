package io.factoryops.inventory;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.platform.Dates;
import io.factoryops.platform.RecordDirectories;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.stock.StockFellBelowReorderLevel;
import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockItemKind;
import io.factoryops.stock.StockMovementResponse;
import io.factoryops.stock.StockOwnerService;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockStatus;
import io.factoryops.stock.StockStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parts: the inventory's rules. A part's stock is its stock item, moved only through
 * {@link io.factoryops.stock.StockService}; its life (create, replace, delete, ledger) is a stock owner's
 * ({@link StockOwnerService}); what it refers to (category, location, preferred supplier) is checked here.
 */
@ApplicationScoped
public class PartService extends StockOwnerService<Part, PartRequest, PartResponse, PartService.Filter> {

    @Inject
    EventPublisher events;

    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes(
            "id", "sku", "name", "quantity=stock.quantity", "unit_cost", "created_at", "updated_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    private static final String DEFAULT_UNIT = "pcs";

    @Inject
    CategoryService categories;

    @Inject
    LocationService locations;

    @Inject
    RecordDirectories directories;

    public PartService() {
        super(
                Part.class,
                StockItemKind.PART,
                PartResponse::of,
                SORT_ATTRIBUTES,
                "is referenced by bills of materials, purchase orders or service tickets and cannot be deleted",
                PartRequest::quantity,
                "quantity changes only through stock movements (POST /api/inventory/items/%d/add-stock or "
                        + "/remove-stock, receipts)");
    }

    /**
     * Filters of the list besides {@code q} (sku, name); category and location include their subtrees. Parsed
     * from {@link PartListParameters}.
     */
    public record Filter(
            Long category,
            Long location,
            StockStatus status,
            Long supplier,
            LocalDate updatedFrom,
            LocalDate updatedTo,
            Boolean active) {}

    @Override
    protected JpaPaging.Filter<Part> where(PageRequest page, Filter filter) {
        List<Long> inCategories = filter.category() == null ? null : categories.subtreeIds(filter.category());
        List<Long> inLocations = filter.location() == null ? null : locations.subtreeIds(filter.location());
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "sku", "name"));
            }
            if (inCategories != null) {
                where.add(root.get("categoryId").in(inCategories));
            }
            if (inLocations != null) {
                where.add(root.get("locationId").in(inLocations));
            }
            if (filter.status() != null) {
                // the part's copy of its stock status: one index range with the category or location
                where.add(cb.equal(root.get("stockStatus"), filter.status()));
            }
            if (filter.supplier() != null) {
                where.add(cb.equal(root.get("preferredSupplierId"), filter.supplier()));
            }
            if (filter.updatedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), Dates.startOf(filter.updatedFrom())));
            }
            if (filter.updatedTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("updatedAt"), Dates.endOf(filter.updatedTo())));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("stock").get("active"), filter.active()));
            }
            return where;
        };
    }

    /**
     * Keeps a part's copy of its stock status in step, in the transaction and under the stock item's lock
     * of the change (the ledger's lock order: the item, then its owner). A bulk update, so that the part's
     * version and update time stay those of its description.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void stockStatusChanged(@Observes StockStatusChanged change) {
        if (change.kind() == StockItemKind.PART && change.ownerId() != null) {
            em.createQuery("UPDATE Part p SET p.stockStatus = :status WHERE p.id = :id")
                    .setParameter("status", change.status())
                    .setParameter("id", change.ownerId())
                    .executeUpdate();
        }
    }

    /** Tells integrators of a new part (in the transaction that created it). */
    @Override
    @Transactional
    public PartResponse create(PartRequest request) {
        PartResponse created = super.create(request);
        events.publish(EventType.PART_CREATED, created.id(), created);
        return created;
    }

    /** Tells integrators of a changed part (in the transaction that changed it). */
    @Override
    @Transactional
    public PartResponse replace(long id, Long expectedVersion, PartRequest request) {
        PartResponse changed = super.replace(id, expectedVersion, request);
        events.publish(EventType.PART_CHANGED, changed.id(), changed);
        return changed;
    }

    /**
     * Stock low (the ledger's crossing below the reorder level: once per crossing, as the low-stock alert) and out
     * of stock (once per change of the stored status), told to integrators in the transaction that moved the stock.
     * An item always has its owner; the check keeps a synthetic alert (NotificationIT's) from failing its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void stockFellBelowReorderLevel(@Observes StockFellBelowReorderLevel fell) {
        if (fell.kind() == StockItemKind.PART && exists(fell.ownerId())) {
            events.publish(EventType.PART_STOCK_LOW, fell.ownerId(), get(fell.ownerId()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void stockRanOut(@Observes StockStatusChanged change) {
        if (change.kind() == StockItemKind.PART
                && change.ownerId() != null
                && change.status() == StockStatus.OUT_OF_STOCK
                && exists(change.ownerId())) {
            events.publish(EventType.PART_STOCK_OUT, change.ownerId(), get(change.ownerId()));
        }
    }

    /** Adds units by hand (a delivery without a PO, a count, a return); the ledger row says why. */
    @Transactional
    public StockMovementResponse addStock(long id, PartStockRequest request) {
        return move(id, request.quantity(), request, AuditAction.ADD_STOCK);
    }

    /** Takes units by hand, never below zero (409 INSUFFICIENT_STOCK with requested and available). */
    @Transactional
    public StockMovementResponse removeStock(long id, PartStockRequest request) {
        return move(id, -request.quantity(), request, AuditAction.REMOVE_STOCK);
    }

    /**
     * Summaries of these parts (with their stock item ids, to lock them), in one query; 404 naming
     * {@code field} and the first unknown id.
     */
    @Transactional
    public Map<Long, PartSummary> summaries(Collection<Long> ids, String field) {
        Map<Long, PartSummary> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(PartSummary.SELECT + "WHERE p.id IN :ids", Object[].class)
                    .setParameter("ids", Set.copyOf(ids))
                    .getResultList()
                    .forEach(r -> found.put((Long) r[0], PartSummary.of(r)));
        }
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw ApiException.notFoundField(field, "Part", id);
            }
        }
        return found;
    }

    private StockMovementResponse move(long id, int delta, PartStockRequest request, AuditAction action) {
        StockReason reason = request.reason() == null ? StockReason.ADJUSTMENT : StockReason.valueOf(request.reason());
        return move(id, delta, reason, Text.trimToNull(request.note()), action);
    }

    @Override
    protected Part owner(StockItem item) {
        return new Part(item);
    }

    @Override
    protected void check(PartRequest r) {
        if (r.categoryId() != null && em.find(Category.class, r.categoryId()) == null) {
            throw ApiException.notFoundField("category_id", "Category", r.categoryId());
        }
        if (r.locationId() != null && em.find(Location.class, r.locationId()) == null) {
            throw ApiException.notFoundField("location_id", "Location", r.locationId());
        }
        if (r.preferredSupplierId() != null && !directories.exists("supplier", r.preferredSupplierId())) {
            throw ApiException.notFoundField("preferred_supplier_id", "Supplier", r.preferredSupplierId());
        }
    }

    @Override
    protected void describe(Part part, PartRequest r) {
        String unit = Text.trimToNull(r.unit());
        part.describe(
                r.sku().trim(),
                r.name().trim(),
                Text.trimToNull(r.description()),
                r.categoryId(),
                r.locationId(),
                unit == null ? DEFAULT_UNIT : unit,
                r.unitCost().setScale(2),
                r.reorderQuantity() == null ? 0 : r.reorderQuantity(),
                r.preferredSupplierId());
    }
}
