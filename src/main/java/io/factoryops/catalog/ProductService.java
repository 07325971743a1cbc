package io.factoryops.catalog;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Products: the catalog's rules. A product's stock is its stock item, moved only through
 * {@link io.factoryops.stock.StockService}; its life (create, replace, delete, ledger) is a stock owner's
 * ({@link StockOwnerService}), its description and its list are the catalog's.
 */
@ApplicationScoped
public class ProductService extends StockOwnerService<Product, ProductRequest, ProductResponse, ProductService.Filter> {

    @Inject
    EventPublisher events;

    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes(
            "id", "sku", "name", "price", "stock_quantity=stock.quantity", "category", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    public ProductService() {
        super(
                Product.class,
                StockItemKind.PRODUCT,
                ProductResponse::of,
                SORT_ATTRIBUTES,
                "is referenced by orders, production records or bills of materials and cannot be deleted",
                ProductRequest::stockQuantity,
                "stock_quantity changes only through stock movements (orders, production, POST /api/products/%d"
                        + "/adjust-stock)");
    }

    /** Tells integrators of a new product (in the transaction that created it). */
    @Override
    @Transactional
    public ProductResponse create(ProductRequest request) {
        ProductResponse created = super.create(request);
        events.publish(EventType.PRODUCT_CREATED, created.id(), created);
        return created;
    }

    /** Tells integrators of a changed product (in the transaction that changed it). */
    @Override
    @Transactional
    public ProductResponse replace(long id, Long expectedVersion, ProductRequest request) {
        ProductResponse changed = super.replace(id, expectedVersion, request);
        events.publish(EventType.PRODUCT_CHANGED, changed.id(), changed);
        return changed;
    }

    /**
     * Stock low (the ledger's crossing below the reorder level: once per crossing, as the low-stock alert) and out
     * of stock (once per change of the stored status), told to integrators in the transaction that moved the stock.
     * An item always has its owner; the check keeps a synthetic alert (NotificationIT's) from failing its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void stockFellBelowReorderLevel(@Observes StockFellBelowReorderLevel fell) {
        if (fell.kind() == StockItemKind.PRODUCT && exists(fell.ownerId())) {
            events.publish(EventType.PRODUCT_STOCK_LOW, fell.ownerId(), get(fell.ownerId()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void stockRanOut(@Observes StockStatusChanged change) {
        if (change.kind() == StockItemKind.PRODUCT
                && change.ownerId() != null
                && change.status() == StockStatus.OUT_OF_STOCK
                && exists(change.ownerId())) {
            events.publish(EventType.PRODUCT_STOCK_OUT, change.ownerId(), get(change.ownerId()));
        }
    }

    /** Filters of the list besides {@code q} (sku, name). Parsed from {@link ProductListParameters}. */
    public record Filter(String category, Boolean lowStock, BigDecimal minPrice, BigDecimal maxPrice) {}

    @Override
    protected JpaPaging.Filter<Product> where(PageRequest page, Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "sku", "name"));
            }
            if (filter.category() != null) {
                where.add(cb.equal(
                        cb.lower(root.get("category")), filter.category().toLowerCase(Locale.ROOT)));
            }
            if (filter.lowStock() != null) {
                Predicate inStock = cb.equal(root.get("stock").get("status"), StockStatus.IN_STOCK);
                where.add(filter.lowStock() ? cb.not(inStock) : inStock);
            }
            if (filter.minPrice() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("price"), filter.minPrice()));
            }
            if (filter.maxPrice() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("price"), filter.maxPrice()));
            }
            return where;
        };
    }

    /**
     * Summaries of these products (with their stock item ids, to lock them), in one query; 404 naming
     * the first unknown id.
     */
    @Transactional
    public Map<Long, ProductSummary> summaries(Collection<Long> ids) {
        Map<Long, ProductSummary> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(ProductSummary.SELECT + "WHERE p.id IN :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(r -> found.put((Long) r[0], ProductSummary.of(r)));
        }
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw ApiException.notFound("Product", id);
            }
        }
        return found;
    }

    @Override
    protected Product owner(StockItem item) {
        return new Product(item);
    }

    @Override
    protected void describe(Product product, ProductRequest r) {
        product.describe(
                r.sku().trim(),
                r.name().trim(),
                Text.trimToNull(r.description()),
                r.price().setScale(2),
                Text.trimToNull(r.category()));
    }

    @Override
    protected int initialQuantity(ProductRequest request) {
        return request.stockQuantity() == null ? 0 : request.stockQuantity();
    }

    /** A counted correction by a manager: positive adds, negative takes (never below zero). */
    @Transactional
    public StockMovementResponse adjust(long id, StockAdjustmentRequest request) {
        if (request.delta() == 0) {
            throw ApiException.invalidField("delta", "must not be 0");
        }
        return move(
                id, request.delta(), StockReason.ADJUSTMENT, request.reason().trim(), AuditAction.ADJUST_STOCK);
    }

    /** How many products there are, and how many are at or below their reorder level. */
    @Transactional
    public long[] countAndLowStock() {
        Object[] row = em.createQuery(
                        "SELECT COUNT(p), SUM(CASE WHEN s.status <> :inStock THEN 1 ELSE 0 END) "
                                + "FROM Product p JOIN p.stock s",
                        Object[].class)
                .setParameter("inStock", StockStatus.IN_STOCK)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue()};
    }
}
