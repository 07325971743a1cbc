package io.factoryops.catalog;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockItemKind;
import io.factoryops.stock.StockMovementResponse;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockService;
import io.factoryops.stock.StockStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * {@link StockService}; a change of a product that touches its item (reorder level, label, activity)
 * locks the item before it changes the product row (the ledger's lock order).
 */
@ApplicationScoped
public class ProductService {

    public static final Set<String> SORTABLE =
            Set.of("id", "sku", "name", "price", "stock_quantity", "category", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of(
            "id",
            "id",
            "sku",
            "sku",
            "name",
            "name",
            "price",
            "price",
            "stock_quantity",
            "stock.quantity",
            "category",
            "category",
            "created_at",
            "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    StockService stock;

    @Inject
    AuditService audit;

    /** Filters of the list besides {@code q} (sku, name). Parsed from {@link ProductListParameters}. */
    public record Filter(String category, Boolean lowStock, BigDecimal minPrice, BigDecimal maxPrice) {}

    @Transactional
    public Page<ProductResponse> list(PageRequest page, Filter filter) {
        return JpaPaging.find(em, Product.class, page, SORT_ATTRIBUTES, where(page, filter), "stock")
                .map(ProductResponse::of);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<ProductResponse> export(PageRequest page, Filter filter) {
        return JpaPaging.rows(
                em, Product.class, page, SORT_ATTRIBUTES, where(page, filter), ProductResponse::of, "stock");
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    private JpaPaging.Filter<Product> where(PageRequest page, Filter filter) {
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

    @Transactional
    public ProductResponse get(long id) {
        return ProductResponse.of(find(id));
    }

    @Transactional
    public ProductResponse create(ProductRequest request) {
        String sku = request.sku().trim();
        requireUniqueSku(sku, null);
        StockItem item = stock.open(
                StockItemKind.PRODUCT,
                sku,
                request.name().trim(),
                request.stockQuantity() == null ? 0 : request.stockQuantity(),
                request.reorderLevel() == null ? 0 : request.reorderLevel());
        Product product = new Product(item);
        describe(product, request);
        em.persist(product);
        flush();
        stock.opened(item, product.getId());
        if (Boolean.FALSE.equals(request.active())) {
            stock.describe(
                    stock.lock(List.of(item.getId())),
                    item.getId(),
                    item.getSku(),
                    item.getName(),
                    item.getReorderLevel(),
                    false);
        }
        ProductResponse created = ProductResponse.of(product);
        audit.record(AuditAction.CREATE, "product", product.getId(), null, created);
        return created;
    }

    @Transactional
    public ProductResponse replace(long id, Long expectedVersion, ProductRequest request) {
        StockService.Locked locked = stock.lock(List.of(stockItemOf(id)));
        Product product = find(id);
        Versions.check(product.representationVersion(), expectedVersion, "Product", id);
        StockItem item = product.getStock();
        if (request.stockQuantity() != null && request.stockQuantity() != item.getQuantity()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "stock_quantity changes only through stock movements "
                            + "(orders, production, POST /api/products/" + id
                            + "/adjust-stock); omit it or send the current "
                            + item.getQuantity());
        }
        ProductResponse before = ProductResponse.of(product);
        requireUniqueSku(request.sku().trim(), id);
        describe(product, request);
        stock.describe(
                locked,
                item.getId(),
                product.getSku(),
                product.getName(),
                request.reorderLevel() == null ? 0 : request.reorderLevel(),
                request.active() == null ? item.isActive() : request.active());
        flush();
        ProductResponse after = ProductResponse.of(product);
        audit.record(AuditAction.UPDATE, "product", id, before, after);
        return after;
    }

    /**
     * Deletes a product that never moved stock; one with ledger rows is deactivated instead (PUT
     * {@code active=false}), so that its history stays whole.
     */
    @Transactional
    public void delete(long id, Long expectedVersion) {
        stock.lock(List.of(stockItemOf(id)));
        Product product = find(id);
        Versions.check(product.representationVersion(), expectedVersion, "Product", id);
        long itemId = product.getStock().getId();
        if (stock.hasMovements(itemId)) {
            throw new ApiException(
                    ErrorCode.STILL_REFERENCED,
                    "Product " + id + " has stock movements and "
                            + "cannot be deleted; deactivate it instead (PUT with active false)");
        }
        ProductResponse before = ProductResponse.of(product);
        em.remove(product);
        Constraints.flush(
                em,
                () -> new ApiException(
                        ErrorCode.STILL_REFERENCED,
                        "Product " + id
                                + " is referenced by orders, production records or bills of materials and cannot "
                                + "be deleted"));
        stock.delete(itemId);
        em.flush();
        audit.record(AuditAction.DELETE, "product", id, before, null);
    }

    /** A counted correction by a manager: positive adds, negative takes (never below zero). */
    @Transactional
    public StockMovementResponse adjust(long id, StockAdjustmentRequest request) {
        if (request.delta() == 0) {
            throw ApiException.invalidField("delta", "must not be 0");
        }
        long itemId = stockItemOf(id);
        StockMovementResponse movement = stock.move(
                stock.lock(List.of(itemId)),
                itemId,
                request.delta(),
                StockReason.ADJUSTMENT,
                request.reason().trim());
        audit.record(AuditAction.ADJUST_STOCK, "product", id, null, movement);
        return movement;
    }

    /**
     * The product's ledger as this caller may see it. Orders are owner-scoped below admin, so a caller
     * below admin sees every movement but not who made another's (actor, request id) nor another's
     * order id; their own rows and, for admins, every row are shown whole.
     */
    @Transactional
    public Page<StockMovementResponse> movements(long id, PageRequest page, Caller caller) {
        return stock.movements(stockItemOf(id), page, caller.role().includes().contains(Role.ADMIN), caller.username());
    }

    /** The export of this product's ledger, as {@link #movements} shows it to the caller; 404 for an unknown product. */
    @Transactional
    public Rows<StockMovementResponse> exportMovements(long id, PageRequest page, Caller caller) {
        return stock.exportMovements(
                stockItemOf(id), page, caller.role().includes().contains(Role.ADMIN), caller.username());
    }

    /** The stock item of a product (it never changes), read without a lock; 404 for an unknown product. */
    public long stockItemOf(long productId) {
        List<Long> found = em.createQuery("SELECT p.stock.id FROM Product p WHERE p.id = :id", Long.class)
                .setParameter("id", productId)
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("Product", productId);
        }
        return found.get(0);
    }

    private void describe(Product product, ProductRequest r) {
        product.describe(
                r.sku().trim(),
                r.name().trim(),
                Text.trimToNull(r.description()),
                r.price().setScale(2),
                Text.trimToNull(r.category()));
    }

    private Product find(long id) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        return product;
    }

    private void requireUniqueSku(String sku, Long exceptId) {
        boolean taken = em
                .createQuery("SELECT p.id FROM Product p WHERE p.sku = :sku", Long.class)
                .setParameter("sku", sku)
                .getResultList()
                .stream()
                .anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists("sku", "Another product already has the SKU " + sku);
        }
    }

    private void flush() {
        Constraints.flush(em, () -> ApiException.alreadyExists("sku", "Another product already has this SKU"));
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
