package io.factoryops.procurement;

import io.factoryops.platform.RecordDirectory;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suppliers: code unique (case-insensitive); each change in one transaction with its audit row. A
 * supplier that purchase orders or parts refer to cannot be deleted (the foreign keys refuse it):
 * deactivate it instead.
 */
@ApplicationScoped
public class SupplierService implements RecordDirectory {

    public static final Set<String> SORTABLE = Set.of("id", "name", "code", "lead_time_days", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of(
            "id", "id", "name", "name", "code", "code", "lead_time_days", "leadTimeDays", "created_at", "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AuditService audit;

    /** Filters of the list besides {@code q}. Parsed from {@link SupplierListParameters}. */
    public record Filter(Boolean active) {}

    @Transactional
    public Page<SupplierResponse> list(PageRequest page, Filter filter) {
        return JpaPaging.find(em, Supplier.class, page, SORT_ATTRIBUTES, where(page, filter))
                .map(SupplierResponse::of);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<SupplierResponse> export(PageRequest page, Filter filter) {
        return JpaPaging.rows(em, Supplier.class, page, SORT_ATTRIBUTES, where(page, filter), SupplierResponse::of);
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    private JpaPaging.Filter<Supplier> where(PageRequest page, Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "code", "contact", "email"));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            return where;
        };
    }

    @Transactional
    public SupplierResponse get(long id) {
        return SupplierResponse.of(find(id));
    }

    @Transactional
    public SupplierResponse create(SupplierRequest request) {
        Supplier.Terms terms = terms(request);
        requireUniqueCode(terms.code(), null);
        Supplier supplier = new Supplier(terms);
        em.persist(supplier);
        flush();
        SupplierResponse created = SupplierResponse.of(supplier);
        audit.record(AuditAction.CREATE, "supplier", supplier.getId(), null, created);
        return created;
    }

    @Transactional
    public SupplierResponse replace(long id, Long expectedVersion, SupplierRequest request) {
        Supplier supplier = find(id);
        Versions.check(supplier, expectedVersion, "Supplier");
        SupplierResponse before = SupplierResponse.of(supplier);
        Supplier.Terms terms = terms(request);
        requireUniqueCode(terms.code(), id);
        supplier.describe(terms);
        flush();
        SupplierResponse after = SupplierResponse.of(supplier);
        audit.record(AuditAction.UPDATE, "supplier", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Supplier supplier = find(id);
        Versions.check(supplier, expectedVersion, "Supplier");
        SupplierResponse before = SupplierResponse.of(supplier);
        em.remove(supplier);
        Constraints.flush(
                em,
                () -> new ApiException(
                        ErrorCode.STILL_REFERENCED,
                        "Supplier " + id
                                + " is still referenced (by purchase orders or parts); deactivate it instead (PUT with active=false)"));
        audit.record(AuditAction.DELETE, "supplier", id, before, null);
    }

    /** Other features ask whether a supplier exists through {@link RecordDirectory}, without depending on this one. */
    @Override
    public String kind() {
        return "supplier";
    }

    @Transactional
    @Override
    public boolean exists(long id) {
        return em.find(Supplier.class, id) != null;
    }

    /** Whether the supplier exists and is active (new purchase orders go to active suppliers only). */
    @Transactional
    public boolean isActive(long id) {
        Supplier supplier = em.find(Supplier.class, id);
        return supplier != null && supplier.isActive();
    }

    /** The names of these suppliers, by id, in one query (unknown ids left out). */
    @Transactional
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT s.id, s.name FROM Supplier s WHERE s.id IN :ids", Object[].class)
                    .setParameter("ids", Set.copyOf(ids))
                    .getResultList()
                    .forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        return names;
    }

    private Supplier find(long id) {
        Supplier supplier = em.find(Supplier.class, id);
        if (supplier == null) {
            throw ApiException.notFound("Supplier", id);
        }
        return supplier;
    }

    private static Supplier.Terms terms(SupplierRequest r) {
        return new Supplier.Terms(
                r.name().trim(),
                Text.normalizeCode(r.code()),
                Text.trimToNull(r.contact()),
                Text.trimToNull(Text.normalizeKey(r.email())),
                Text.trimToNull(r.phone()),
                Text.trimToNull(r.address()),
                r.leadTimeDays(),
                Text.trimToNull(r.paymentTerms()),
                r.active() == null || r.active());
    }

    private void requireUniqueCode(String code, Long exceptId) {
        boolean taken = em
                .createQuery("SELECT s.id FROM Supplier s WHERE s.code = :code", Long.class)
                .setParameter("code", code)
                .getResultList()
                .stream()
                .anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists("code", "Another supplier already has the code " + code);
        }
    }

    private void flush() {
        Constraints.flush(em, () -> ApiException.alreadyExists("code", "Another supplier already has this code"));
    }
}
