package io.factoryops.catalog;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import io.factoryops.platform.http.CurrentRequest;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stock ledger of products: the only code that changes a product's quantity. A change first locks
 * the product rows ({@link #lock}, in id order), then each take or add is one UPDATE and one immutable
 * {@link StockMovement} row, in the caller's transaction; a take that would go below zero fails before
 * it writes anything, whatever runs concurrently (the row stays locked until the transaction ends).
 * Hence the stored quantity always equals the sum of the product's ledger deltas.
 */
@ApplicationScoped
public class StockService {

    public static final Set<String> SORTABLE = Set.of("occurred_at", "id");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("occurred_at", "occurredAt", "id", "id");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AuditService audit;

    /** A reference from a ledger row to what caused it, e.g. ("order", 42). */
    public record Reference(String type, Long id) {
    }

    /**
     * Products locked by {@link #lock} for the rest of the transaction, with their name, price and stock
     * as read under the lock. {@link #take} and {@link #add} go through it and keep its stock current, so
     * that nothing needs to read a product again to know what is left.
     */
    public static final class Locked {

        private final Map<Long, ProductSummary> products;

        Locked(Map<Long, ProductSummary> products) {
            this.products = products;
        }

        /** The product as it stands now in this transaction; 404 when there is no such product. */
        public ProductSummary product(long id) {
            ProductSummary product = products.get(id);
            if (product == null) {
                throw ApiException.notFound("Product", id);
            }
            return product;
        }

        /** The locked products, by id, as they stand now in this transaction. */
        public Map<Long, ProductSummary> products() {
            return Collections.unmodifiableMap(products);
        }

        private void stockIs(ProductSummary product, int quantity) {
            products.put(product.id(), new ProductSummary(product.id(), product.name(), product.price(), quantity));
        }
    }

    /**
     * Locks these products' rows, in id order, for the rest of the transaction, and reads them. A change
     * that inserts rows referring to a product (order lines, production records) and then moves its stock
     * calls this first: otherwise two such transactions can each hold the shared lock that the
     * foreign-key check takes and both wait for the exclusive one (a deadlock on MySQL/MariaDB). Unknown
     * ids are not an error here; {@link Locked#product} answers 404 for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(Collection<Long> productIds) {
        Map<Long, ProductSummary> products = new HashMap<>();
        if (!productIds.isEmpty()) {
            em.createQuery(ProductSummary.SELECT + "WHERE p.id IN :ids ORDER BY p.id", Object[].class)
                    .setParameter("ids", productIds)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .forEach(r -> products.put((Long) r[0], ProductSummary.of(r)));
        }
        return new Locked(products);
    }

    /**
     * Takes {@code quantity} units of a locked product, or fails with 409 {@code INSUFFICIENT_STOCK}
     * naming the product, the requested and the available quantity (and takes nothing).
     *
     * @return the quantity left
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int take(Locked locked, long productId, int quantity, StockReason reason, Reference reference,
                    String note) {
        ProductSummary product = locked.product(productId);
        if (product.stockQuantity() < quantity) {
            throw insufficient(productId, product.name(), quantity, product.stockQuantity());
        }
        // still conditional: the row is locked, so this only fails if someone bypassed the lock
        int updated = em.createQuery("UPDATE Product p SET p.stockQuantity = p.stockQuantity - :q, "
                        + "p.version = p.version + 1 WHERE p.id = :id AND p.stockQuantity >= :q")
                .setParameter("q", quantity)
                .setParameter("id", productId)
                .executeUpdate();
        if (updated == 0) {
            throw new IllegalStateException("Product " + productId + " changed although it was locked");
        }
        return record(locked, product, -quantity, reason, reference, note);
    }

    /**
     * Adds {@code quantity} units to a locked product, or fails with 409 {@code CONFLICT} when the
     * quantity would not fit its column (an INT).
     *
     * @return the quantity after
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(Locked locked, long productId, int quantity, StockReason reason, Reference reference,
                   String note) {
        ProductSummary product = locked.product(productId);
        if ((long) product.stockQuantity() + quantity > Integer.MAX_VALUE) {
            throw new ApiException(ErrorCode.CONFLICT, "Product " + productId + " has " + product.stockQuantity()
                    + " units; adding " + quantity + " would exceed the most a stock can hold ("
                    + Integer.MAX_VALUE + ")");
        }
        em.createQuery("UPDATE Product p SET p.stockQuantity = p.stockQuantity + :q, "
                        + "p.version = p.version + 1 WHERE p.id = :id")
                .setParameter("q", quantity)
                .setParameter("id", productId)
                .executeUpdate();
        return record(locked, product, quantity, reason, reference, note);
    }

    /** The first ledger row of a product created with stock. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordInitial(Product product) {
        if (product.getStockQuantity() > 0) {
            em.persist(new StockMovement(product.getId(), product.getStockQuantity(), product.getStockQuantity(),
                    StockReason.INITIAL, null, null, null, actor(), CurrentRequest.requestId()));
        }
    }

    /** A counted correction by a manager: positive adds, negative takes (never below zero). */
    @Transactional
    public StockMovementResponse adjust(long productId, StockAdjustmentRequest request) {
        int delta = request.delta();
        if (delta == 0) {
            throw ApiException.invalidField("delta", "must not be 0");
        }
        Reference none = new Reference(null, null);
        String note = request.reason().trim();
        Locked locked = lock(List.of(productId));
        if (delta > 0) {
            add(locked, productId, delta, StockReason.ADJUSTMENT, none, note);
        } else {
            take(locked, productId, -delta, StockReason.ADJUSTMENT, none, note);
        }
        StockMovement movement = em.createQuery(
                        "SELECT m FROM StockMovement m WHERE m.productId = :id ORDER BY m.id DESC", StockMovement.class)
                .setParameter("id", productId).setMaxResults(1).getSingleResult();
        StockMovementResponse response = StockMovementResponse.of(movement);
        audit.record("ADJUST_STOCK", "product", productId, null, response);
        return response;
    }

    /**
     * The ledger as this caller may see it. Orders are owner-scoped below admin, so a caller below
     * admin sees every movement but not who made another's (actor, request id) nor another's order
     * id; their own rows and, for admins, every row are shown whole.
     */
    @Transactional
    public Page<StockMovementResponse> movements(long productId, PageRequest page, Caller caller) {
        nameAndStock(productId);
        boolean seesEveryone = caller.role().includes().contains(Role.ADMIN);
        return JpaPaging.find(em, StockMovement.class, page, SORT_ATTRIBUTES,
                        (cb, root) -> List.of(cb.equal(root.get("productId"), productId)))
                .map(m -> seesEveryone || caller.username().equals(m.getActor())
                        ? StockMovementResponse.of(m) : StockMovementResponse.anonymised(m));
    }

    /** Deletes a product's ledger with the product itself (only possible when nothing else refers to it). */
    @Transactional(Transactional.TxType.MANDATORY)
    void deleteLedger(long productId) {
        em.createQuery("DELETE FROM StockMovement m WHERE m.productId = :id").setParameter("id", productId)
                .executeUpdate();
    }

    private int record(Locked locked, ProductSummary product, int delta, StockReason reason, Reference reference,
                       String note) {
        int after = product.stockQuantity() + delta;
        locked.stockIs(product, after);
        em.persist(new StockMovement(product.id(), delta, after, reason, reference.type(), reference.id(), note,
                actor(), CurrentRequest.requestId()));
        return after;
    }

    private Object[] nameAndStock(long productId) {
        List<Object[]> rows = em.createQuery("SELECT p.name, p.stockQuantity FROM Product p WHERE p.id = :id",
                        Object[].class)
                .setParameter("id", productId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Product", productId);
        }
        return rows.get(0);
    }

    static ApiException insufficient(long productId, String name, int requested, int available) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("product_id", productId);
        extensions.put("product_name", name);
        extensions.put("requested", requested);
        extensions.put("available", available);
        return new ApiException(ErrorCode.INSUFFICIENT_STOCK,
                "Insufficient stock for product " + productId + " (" + name + "): requested " + requested
                        + ", available " + available,
                List.of(new FieldError("quantity", "requested " + requested + ", available " + available)),
                Map.of(), extensions);
    }

    private static String actor() {
        return CurrentRequest.get().map(CurrentRequest::actor).orElse("system");
    }
}
