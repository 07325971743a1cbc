package io.factoryops.sales;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.platform.RecordDirectory;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.records.MasterRecordService;
import io.factoryops.platform.records.UniqueKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customers: email unique (case-insensitive); a customer with orders cannot be deleted. */
@ApplicationScoped
public class CustomerService extends MasterRecordService<Customer, CustomerRequest, CustomerResponse, Void>
        implements RecordDirectory {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "name", "email", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @Inject
    AccountDirectory accounts;

    public CustomerService() {
        super(
                Customer.class,
                "customer",
                Customer::new,
                CustomerResponse::of,
                UniqueKey.of("email"),
                "has orders and cannot be deleted",
                SORT_ATTRIBUTES);
    }

    /** The list has no filters besides {@code q}. */
    @Override
    protected JpaPaging.Filter<Customer> where(PageRequest page, Void none) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "email", "phone"));
            }
            return where;
        };
    }

    /** Whether a customer record has this email (compared as stored: trimmed, lower case). */
    @Transactional
    public boolean emailInUse(String email) {
        return !em.createQuery("SELECT c.id FROM Customer c WHERE c.email = :email", Long.class)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The customer as the request describes it (create and PUT); 409 when another has the email. */
    @Override
    protected void describe(Customer customer, CustomerRequest request) {
        String email = Text.normalizeKey(request.email());
        requireUnique(email, customer.getId());
        customer.describe(
                request.name().trim(), email, Text.trimToNull(request.phone()), Text.trimToNull(request.address()));
    }

    /** The customer record of the caller's account; 404 when the account has none (staff, or an unlinked one). */
    @Transactional
    public CustomerResponse own(Caller caller) {
        return response(findOwn(caller));
    }

    /** A customer changes their own name, phone and address (not the email: see {@link ContactDetailsRequest}). */
    @Transactional
    public CustomerResponse changeOwnDetails(Caller caller, Long expectedVersion, ContactDetailsRequest request) {
        Customer customer = findOwn(caller);
        Versions.check(customer, expectedVersion, "Customer");
        return change(
                customer,
                AuditAction.UPDATE,
                c -> c.describe(
                        request.name().trim(),
                        c.getEmail(),
                        Text.trimToNull(request.phone()),
                        Text.trimToNull(request.address())));
    }

    private Customer findOwn(Caller caller) {
        long id = accounts.customerOf(caller.id())
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No customer record is linked to this account"));
        return find(id);
    }

    /** The customer an order names (for orders, in this package). */
    @Override
    protected Customer find(long id) {
        return super.find(id);
    }

    /** The customer a request body names in {@code field}: 404 naming the field and the customer otherwise. */
    @Override
    protected Customer find(long id, String field) {
        return super.find(id, field);
    }

    @Transactional
    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }
}
