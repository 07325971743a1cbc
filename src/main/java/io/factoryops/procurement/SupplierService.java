package io.factoryops.procurement;

import io.factoryops.platform.RecordDirectory;
import io.factoryops.platform.Text;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.records.MasterRecordService;
import io.factoryops.platform.records.UniqueKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suppliers: code unique (case-insensitive); each change in one transaction with its audit row. A
 * supplier that purchase orders or parts refer to cannot be deleted (the foreign keys refuse it):
 * deactivate it instead.
 */
@ApplicationScoped
public class SupplierService
        extends MasterRecordService<Supplier, SupplierRequest, SupplierResponse, SupplierService.Filter>
        implements RecordDirectory {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "name", "code", "lead_time_days", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    public SupplierService() {
        super(
                Supplier.class,
                "supplier",
                Supplier::new,
                SupplierResponse::of,
                UniqueKey.of("code"),
                "is still referenced (by purchase orders or parts); deactivate it instead (PUT with active=false)",
                SORT_ATTRIBUTES);
    }

    /** Filters of the list besides {@code q}. Parsed from {@link SupplierListParameters}. */
    public record Filter(Boolean active) {}

    @Override
    protected JpaPaging.Filter<Supplier> where(PageRequest page, Filter filter) {
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

    /** The supplier as the request describes it (create and PUT); 409 when another has the code. */
    @Override
    protected void describe(Supplier supplier, SupplierRequest request) {
        Supplier.Terms terms = terms(request);
        requireUnique(terms.code(), supplier.getId());
        supplier.describe(terms);
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
        return values("name", ids);
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
}
