package io.factoryops.workforce;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Employees: each change in one transaction with its audit row; email unique (case-insensitive). */
@ApplicationScoped
public class EmployeeService
        extends MasterRecordService<Employee, EmployeeRequest, EmployeeResponse, EmployeeService.Filter>
        implements RecordDirectory {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "name", "email", "position", "department", "hire_date", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    public EmployeeService() {
        super(
                Employee.class,
                "employee",
                Employee::new,
                EmployeeResponse::of,
                UniqueKey.of("email"),
                "is still referenced (e.g. by production records); deactivate it instead",
                SORT_ATTRIBUTES);
    }

    /** Filters of the list besides {@code q}. Parsed from {@link EmployeeListParameters}. */
    public record Filter(String department, Boolean active) {}

    @Override
    protected JpaPaging.Filter<Employee> where(PageRequest page, Filter filter) {
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

    /** The employee as the request describes it (create and PUT); 409 when another has the email. */
    @Override
    protected void describe(Employee employee, EmployeeRequest request) {
        String email = Text.normalizeKey(request.email());
        requireUnique(email, employee.getId());
        employee.describe(
                request.name().trim(),
                email,
                Text.trimToNull(request.position()),
                Text.trimToNull(request.department()),
                request.hireDate(),
                request.active() == null || request.active());
    }

    @Transactional
    public EmployeeResponse patch(long id, Long expectedVersion, EmployeePatch patch) {
        Employee employee = find(id);
        return replace(id, expectedVersion, patch.applyTo(employee));
    }

    /** Names of the given employees in one query (for lists that show them); unknown ids are left out. */
    @Transactional
    public Map<Long, String> names(Collection<Long> ids) {
        return values("name", ids);
    }

    @Transactional
    public long activeCount() {
        return em.createQuery("SELECT COUNT(e) FROM Employee e WHERE e.active = TRUE", Long.class)
                .getSingleResult();
    }
}
