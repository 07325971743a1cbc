package io.factoryops.sales;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customers: email unique (case-insensitive); a customer with orders cannot be deleted. */
@ApplicationScoped
public class CustomerService implements RecordDirectory {

    public static final Set<String> SORTABLE = Set.of("id", "name", "email", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES =
            Map.of("id", "id", "name", "name", "email", "email", "created_at", "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AccountDirectory accounts;

    @Inject
    AuditService audit;

    @Transactional
    public Page<CustomerResponse> list(PageRequest page) {
        return JpaPaging.find(em, Customer.class, page, SORT_ATTRIBUTES, where(page))
                .map(CustomerResponse::of);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<CustomerResponse> export(PageRequest page) {
        return JpaPaging.rows(em, Customer.class, page, SORT_ATTRIBUTES, where(page), CustomerResponse::of);
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    private JpaPaging.Filter<Customer> where(PageRequest page) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "email", "phone"));
            }
            return where;
        };
    }

    @Transactional
    public CustomerResponse get(long id) {
        return CustomerResponse.of(find(id));
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

    @Transactional
    public CustomerResponse create(CustomerRequest request) {
        String email = Text.normalizeKey(request.email());
        requireUniqueEmail(email, null);
        Customer customer = new Customer(
                request.name().trim(), email, Text.trimToNull(request.phone()), Text.trimToNull(request.address()));
        em.persist(customer);
        flush();
        CustomerResponse created = CustomerResponse.of(customer);
        audit.record(AuditAction.CREATE, "customer", customer.getId(), null, created);
        return created;
    }

    @Transactional
    public CustomerResponse replace(long id, Long expectedVersion, CustomerRequest request) {
        Customer customer = find(id);
        Versions.check(customer, expectedVersion, "Customer");
        CustomerResponse before = CustomerResponse.of(customer);
        String email = Text.normalizeKey(request.email());
        requireUniqueEmail(email, id);
        customer.describe(
                request.name().trim(), email, Text.trimToNull(request.phone()), Text.trimToNull(request.address()));
        flush();
        CustomerResponse after = CustomerResponse.of(customer);
        audit.record(AuditAction.UPDATE, "customer", id, before, after);
        return after;
    }

    /** The customer record of the caller's account; 404 when the account has none (staff, or an unlinked one). */
    @Transactional
    public CustomerResponse own(Caller caller) {
        return CustomerResponse.of(findOwn(caller));
    }

    /** A customer changes their own name, phone and address (not the email: see {@link ContactDetailsRequest}). */
    @Transactional
    public CustomerResponse changeOwnDetails(Caller caller, Long expectedVersion, ContactDetailsRequest request) {
        Customer customer = findOwn(caller);
        Versions.check(customer, expectedVersion, "Customer");
        CustomerResponse before = CustomerResponse.of(customer);
        customer.describe(
                request.name().trim(),
                customer.getEmail(),
                Text.trimToNull(request.phone()),
                Text.trimToNull(request.address()));
        flush();
        CustomerResponse after = CustomerResponse.of(customer);
        audit.record(AuditAction.UPDATE, "customer", customer.getId(), before, after);
        return after;
    }

    private Customer findOwn(Caller caller) {
        long id = accounts.customerOf(caller.id())
                .orElseThrow(
                        () -> new ApiException(ErrorCode.NOT_FOUND, "No customer record is linked to this account"));
        return find(id);
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Customer customer = find(id);
        Versions.check(customer, expectedVersion, "Customer");
        CustomerResponse before = CustomerResponse.of(customer);
        em.remove(customer);
        Constraints.flush(
                em,
                () -> new ApiException(
                        ErrorCode.STILL_REFERENCED, "Customer " + id + " has orders and cannot be deleted"));
        audit.record(AuditAction.DELETE, "customer", id, before, null);
    }

    /** Other features ask whether a customer exists through {@link RecordDirectory}, without depending on this one. */
    @Override
    public String kind() {
        return "customer";
    }

    @Transactional
    @Override
    public boolean exists(long id) {
        return em.find(Customer.class, id) != null;
    }

    Customer find(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw ApiException.notFound("Customer", id);
        }
        return customer;
    }

    /** The customer a request body names in {@code field}: 404 naming the field and the customer otherwise. */
    Customer find(long id, String field) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw ApiException.notFoundField(field, "Customer", id);
        }
        return customer;
    }

    private void requireUniqueEmail(String email, Long exceptId) {
        boolean taken = em
                .createQuery("SELECT c.id FROM Customer c WHERE c.email = :email", Long.class)
                .setParameter("email", email)
                .getResultList()
                .stream()
                .anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists("email", "Another customer already has the email " + email);
        }
    }

    private void flush() {
        Constraints.flush(em, () -> ApiException.alreadyExists("email", "Another customer already has this email"));
    }

    @Transactional
    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }
}
