package io.factoryops.maintenance;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.identity.UserResponse;
import io.factoryops.identity.UserService;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.records.RecordService;
import io.factoryops.workforce.EmployeeRequest;
import io.factoryops.workforce.EmployeeResponse;
import io.factoryops.workforce.EmployeeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mechanics: creating one creates its employee and its {@code mechanic} account in the same transaction
 * (a taken username or email is 409 and nothing is written); changes go to all three; deactivating one
 * deactivates its account (its tokens stop working) and its employee.
 */
@ApplicationScoped
public class MechanicService extends RecordService<Mechanic, MechanicResponse> {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "name", "email", "username", "position", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @Inject
    EmployeeService employees;

    @Inject
    UserService users;

    /** Mechanics are deactivated, never deleted (their tickets keep them). */
    public MechanicService() {
        super(Mechanic.class, "mechanic", MechanicResponse::of, null, "is still referenced and cannot be deleted");
    }

    @Transactional
    public Page<MechanicResponse> list(PageRequest page, Boolean active) {
        return JpaPaging.find(em, Mechanic.class, page, SORT_ATTRIBUTES, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    if (page.q() != null) {
                        where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "email", "username", "position"));
                    }
                    if (active != null) {
                        where.add(cb.equal(root.get("active"), active));
                    }
                    return where;
                })
                .map(MechanicResponse::of);
    }

    /** The employee, the account linked to it and the mechanic, all or nothing. */
    @Transactional
    public MechanicResponse create(MechanicRequest request) {
        String name = request.name().trim();
        String position = Text.trimToNull(request.position());
        EmployeeResponse employee =
                employees.create(new EmployeeRequest(name, request.email(), position, "Maintenance", null, true));
        UserResponse account = users.createLinked(
                Role.MECHANIC, request.username(), request.email(), name, request.password(), employee.id(), null);
        Mechanic mechanic =
                new Mechanic(employee.id(), account.id(), name, account.email(), account.username(), position);
        return add(mechanic);
    }

    /**
     * Name, email, position and, when given, activity (never implied), written to the employee and the account
     * too (If-Match checked). The account changes under the account rules ({@link UserService#updateLinked}):
     * only while it is still a mechanic account that the caller may change, else 403 and nothing is written.
     */
    @Transactional
    public MechanicResponse replace(Caller caller, long id, Long expectedVersion, MechanicUpdateRequest request) {
        Mechanic mechanic = find(id);
        Versions.check(mechanic, expectedVersion, "Mechanic");
        return change(
                caller,
                mechanic,
                request.name().trim(),
                request.email(),
                Text.trimToNull(request.position()),
                request.active());
    }

    /** Deactivates the mechanic, its account and its employee (account rules as for {@link #replace}). */
    @Transactional
    public void deactivate(Caller caller, long id, Long expectedVersion) {
        Mechanic mechanic = find(id);
        Versions.check(mechanic, expectedVersion, "Mechanic");
        if (mechanic.isActive()) {
            change(caller, mechanic, mechanic.getName(), mechanic.getEmail(), mechanic.getPosition(), false);
        }
    }

    /** @param active the new activity, or null to keep the mechanic's, its employee's and its account's */
    private MechanicResponse change(
            Caller caller, Mechanic mechanic, String name, String email, String position, Boolean active) {
        boolean nowActive = active == null ? mechanic.isActive() : active;
        return change(mechanic, nowActive ? AuditAction.UPDATE : AuditAction.DEACTIVATE, m -> {
            UserResponse account = users.updateLinked(caller, Role.MECHANIC, m.getUserId(), email, name, active);
            EmployeeResponse employee = employees.get(m.getEmployeeId());
            employees.replace(
                    employee.id(),
                    null,
                    new EmployeeRequest(
                            name,
                            email,
                            position,
                            employee.department(),
                            employee.hireDate(),
                            active == null ? employee.active() : active));
            m.describe(name, account.email(), position, nowActive);
        });
    }

    /** The mechanic that an account is, if any (a mechanic's token names its account). */
    @Transactional
    public Optional<Mechanic> ofAccount(long userId) {
        return em.createNamedQuery("Mechanic.byUser", Mechanic.class)
                .setParameter("userId", userId)
                .getResultStream()
                .findFirst();
    }

    /** Names of these mechanics in one query; unknown ids are left out. */
    @Transactional
    public Map<Long, String> names(Collection<Long> ids) {
        return values("name", ids);
    }

    /** Usernames of these mechanics in one query (the {@code fitted_by} of the part lines they fit). */
    @Transactional
    public Map<Long, String> usernames(Collection<Long> ids) {
        return values("username", ids);
    }

    /** The mechanic a request names in {@code field}: 404 naming the field when unknown. */
    @Transactional
    public Mechanic require(long id, String field) {
        return find(id, field);
    }
}
