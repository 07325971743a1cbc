package io.factoryops.catalog;

import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Products: the catalog's rules; stock moves only through {@link StockService}. */
@ApplicationScoped
public class ProductService {

    public static final Set<String> SORTABLE = Set.of("id", "sku", "name", "price", "stock_quantity", "category",
            "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("id", "id", "sku", "sku", "name", "name",
            "price", "price", "stock_quantity", "stockQuantity", "category", "category", "created_at", "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    StockService stock;

    @Inject
    AuditService audit;

    /** Filters of the list besides {@code q} (sku, name). */
    public record Filter(String category, Boolean lowStock, BigDecimal minPrice, BigDecimal maxPrice) {
    }

    @Transactional
    public Page<ProductResponse> list(PageRequest page, Filter filter) {
        return JpaPaging.find(em, Product.class, page, SORT_ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "sku", "name"));
            }
            if (filter.category() != null) {
                where.add(cb.equal(cb.lower(root.get("category")), filter.category().toLowerCase(Locale.ROOT)));
            }
            if (filter.lowStock() != null) {
                Predicate low = cb.le(root.get("stockQuantity"), root.get("reorderLevel"));
                where.add(filter.lowStock() ? low : cb.not(low));
            }
            if (filter.minPrice() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("price"), filter.minPrice()));
            }
            if (filter.maxPrice() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("price"), filter.maxPrice()));
            }
            return where;
        }).map(ProductResponse::of);
    }

    /**
     * Summaries of these products, in one query; 404 naming the first unknown id.
     */
    @Transactional
    public Map<Long, ProductSummary> summaries(java.util.Collection<Long> ids) {
        Map<Long, ProductSummary> found = new java.util.HashMap<>();
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
        Product product = new Product(sku, request.stockQuantity() == null ? 0 : request.stockQuantity());
        describe(product, request);
        em.persist(product);
        flush();
        stock.recordInitial(product);
        ProductResponse created = ProductResponse.of(product);
        audit.record("CREATE", "product", product.getId(), null, created);
        return created;
    }

    @Transactional
    public ProductResponse replace(long id, Long expectedVersion, ProductRequest request) {
        Product product = find(id);
        Versions.check(product, expectedVersion, "Product");
        if (request.stockQuantity() != null && request.stockQuantity() != product.getStockQuantity()) {
            throw new ApiException(ErrorCode.CONFLICT, "stock_quantity changes only through stock movements "
                    + "(orders, production, POST /api/products/" + id + "/adjust-stock); omit it or send the current "
                    + product.getStockQuantity());
        }
        ProductResponse before = ProductResponse.of(product);
        requireUniqueSku(request.sku().trim(), id);
        describe(product, request);
        flush();
        ProductResponse after = ProductResponse.of(product);
        audit.record("UPDATE", "product", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Product product = find(id);
        Versions.check(product, expectedVersion, "Product");
        ProductResponse before = ProductResponse.of(product);
        stock.deleteLedger(id);
        em.remove(product);
        Constraints.flush(em, () -> new ApiException(ErrorCode.STILL_REFERENCED,
                "Product " + id + " is referenced by orders or production records and cannot be deleted"));
        audit.record("DELETE", "product", id, before, null);
    }

    private void describe(Product product, ProductRequest r) {
        product.describe(r.sku().trim(), r.name().trim(), Text.trimToNull(r.description()), r.price().setScale(2),
                r.reorderLevel() == null ? 0 : r.reorderLevel(), Text.trimToNull(r.category()));
    }

    private Product find(long id) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw ApiException.notFound("Product", id);
        }
        return product;
    }

    private void requireUniqueSku(String sku, Long exceptId) {
        boolean taken = em.createQuery("SELECT p.id FROM Product p WHERE p.sku = :sku", Long.class)
                .setParameter("sku", sku).getResultList().stream().anyMatch(other -> !other.equals(exceptId));
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
        Object[] row = em.createQuery("SELECT COUNT(p), SUM(CASE WHEN p.stockQuantity <= p.reorderLevel THEN 1 ELSE 0 END) "
                + "FROM Product p", Object[].class).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue()};
    }
}
