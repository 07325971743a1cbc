package io.factoryops.workforce;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Employees: each change in one transaction with its audit row; email unique (case-insensitive). */
@ApplicationScoped
public class EmployeeService implements RecordDirectory {

    public static final Set<String> SORTABLE =
            Set.of("id", "name", "email", "position", "department", "hire_date", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of(
            "id",
            "id",
            "name",
            "name",
            "email",
            "email",
            "position",
            "position",
            "department",
            "department",
            "hire_date",
            "hireDate",
            "created_at",
            "createdAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AuditService audit;

    /** Filters of the list besides {@code q}. Parsed from {@link EmployeeListParameters}. */
    public record Filter(String department, Boolean active) {}

    @Transactional
    public Page<EmployeeResponse> list(PageRequest page, Filter filter) {
        return JpaPaging.find(em, Employee.class, page, SORT_ATTRIBUTES, where(page, filter))
                .map(EmployeeResponse::of);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<EmployeeResponse> export(PageRequest page, Filter filter) {
        return JpaPaging.rows(em, Employee.class, page, SORT_ATTRIBUTES, where(page, filter), EmployeeResponse::of);
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    private JpaPaging.Filter<Employee> where(PageRequest page, Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "email", "position"));
            }
            if (filter.department() != null) {
                where.add(cb.equal(
                        cb.lower(root.get("department")), filter.department().toLowerCase(Locale.ROOT)));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            return where;
        };
    }

    @Transactional
    public EmployeeResponse get(long id) {
        return EmployeeResponse.of(find(id));
    }

    @Transactional
    public EmployeeResponse create(EmployeeRequest request) {
        String email = Text.normalizeKey(request.email());
        requireUniqueEmail(email, null);
        Employee employee = new Employee(
                request.name().trim(),
                email,
                Text.trimToNull(request.position()),
                Text.trimToNull(request.department()),
                request.hireDate(),
                request.active() == null || request.active());
        em.persist(employee);
        flush();
        EmployeeResponse created = EmployeeResponse.of(employee);
        audit.record(AuditAction.CREATE, "employee", employee.getId(), null, created);
        return created;
    }

    @Transactional
    public EmployeeResponse replace(long id, Long expectedVersion, EmployeeRequest request) {
        Employee employee = find(id);
        Versions.check(employee, expectedVersion, "Employee");
        EmployeeResponse before = EmployeeResponse.of(employee);
        String email = Text.normalizeKey(request.email());
        requireUniqueEmail(email, id);
        employee.describe(
                request.name().trim(),
                email,
                Text.trimToNull(request.position()),
                Text.trimToNull(request.department()),
                request.hireDate(),
                request.active() == null || request.active());
        flush();
        EmployeeResponse after = EmployeeResponse.of(employee);
        audit.record(AuditAction.UPDATE, "employee", id, before, after);
        return after;
    }

    @Transactional
    public EmployeeResponse patch(long id, Long expectedVersion, EmployeePatch patch) {
        Employee employee = find(id);
        return replace(id, expectedVersion, patch.applyTo(employee));
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Employee employee = find(id);
        Versions.check(employee, expectedVersion, "Employee");
        EmployeeResponse before = EmployeeResponse.of(employee);
        em.remove(employee);
        Constraints.flush(
                em,
                () -> new ApiException(
                        ErrorCode.STILL_REFERENCED,
                        "Employee " + id + " is still referenced (e.g. by production records); deactivate it instead"));
        audit.record(AuditAction.DELETE, "employee", id, before, null);
    }

    /** Other features ask whether a employee exists through {@link RecordDirectory}, without depending on this one. */
    @Override
    public String kind() {
        return "employee";
    }

    @Transactional
    @Override
    public boolean exists(long id) {
        return em.find(Employee.class, id) != null;
    }

    private Employee find(long id) {
        Employee employee = em.find(Employee.class, id);
        if (employee == null) {
            throw ApiException.notFound("Employee", id);
        }
        return employee;
    }

    private void requireUniqueEmail(String email, Long exceptId) {
        boolean taken = em
                .createQuery("SELECT e.id FROM Employee e WHERE e.email = :email", Long.class)
                .setParameter("email", email)
                .getResultList()
                .stream()
                .anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists("email", "Another employee already has the email " + email);
        }
    }

    private void flush() {
        Constraints.flush(em, () -> ApiException.alreadyExists("email", "Another employee already has this email"));
    }

    /** Names of the given employees in one query (for lists that show them); unknown ids are left out. */
    @Transactional
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT e.id, e.name FROM Employee e WHERE e.id IN :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }

    @Transactional
    public long activeCount() {
        return em.createQuery("SELECT COUNT(e) FROM Employee e WHERE e.active = TRUE", Long.class)
                .getSingleResult();
    }
}
