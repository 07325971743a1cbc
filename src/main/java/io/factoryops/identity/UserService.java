package io.factoryops.identity;

import io.factoryops.platform.RecordDirectories;
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
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account administration with the design's rules: a caller manages only the roles its own role
 * manages (super_admin: all; admin: manager, user, mechanic, customer), grants no role above that,
 * and the last active super_admin can be neither demoted nor deactivated. Deleting deactivates.
 */
@ApplicationScoped
public class UserService {

    public static final Set<String> SORTABLE = Set.of("username", "email", "role", "created_at", "last_login_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of(
            "username",
            "username",
            "email",
            "email",
            "role",
            "role",
            "created_at",
            "createdAt",
            "last_login_at",
            "lastLoginAt");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    PasswordService passwords;

    @Inject
    TokenService tokens;

    @Inject
    CustomRoleService customRoles;

    @Inject
    AuditService audit;

    @Inject
    RecordDirectories directories;

    @Transactional
    public UserResponse create(Caller caller, UserRequest request) {
        Role role = Role.parse(request.role(), "role");
        requireGrants(caller, role);
        return open(role, request, caller.username(), true);
    }

    /**
     * An account that another feature creates in its own transaction for a record it owns (a mechanic's
     * account for its employee). The calling service has authorised the request (a manager creates
     * mechanics without managing accounts); the password policy and the uniqueness of username and email
     * hold as for any account. Its creator is the request's authenticated caller (none for a self-registration).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserResponse createLinked(
            Role role,
            String username,
            String email,
            String fullName,
            String password,
            Long employeeId,
            Long customerId) {
        return open(
                role,
                new UserRequest(username, email, password, fullName, role.value(), employeeId, customerId),
                CurrentRequest.get().map(CurrentRequest::actor).orElse(null),
                false);
    }

    /**
     * A new account with this role, after the password policy, the uniqueness of username and email and, when
     * {@code checkLinks}, the existence of the employee and the customer it links to; with its audit row.
     */
    private UserResponse open(Role role, UserRequest request, String createdBy, boolean checkLinks) {
        String name = Text.normalizeKey(request.username());
        String mail = Text.normalizeKey(request.email());
        passwords.checkPolicy(request.password(), name, "password");
        requireUnique(name, mail, null);
        if (checkLinks) {
            requireLinkTarget("employee_id", "employee", request.employeeId());
            requireLinkTarget("customer_id", "customer", request.customerId());
        }
        UserAccount user = new UserAccount(
                name, mail, Text.trimToNull(request.fullName()), passwords.hash(request.password()), role, createdBy);
        user.linkTo(request.employeeId(), request.customerId());
        em.persist(user);
        flush();
        UserResponse response = UserResponse.of(user);
        audit.record(AuditAction.CREATE, "user", user.getId(), null, response);
        return response;
    }

    /**
     * Changes the email, name and activity of an account that another feature owns (see {@link #createLinked}),
     * on behalf of {@code caller}; deactivating it revokes its tokens. Joins the caller's transaction. The
     * account must still have the role the feature linked ({@code linkedRole}: an account promoted since then
     * is no longer the feature's to change) and be one the caller may change through a feature
     * ({@link Role#canManageLinked}); otherwise 403 FORBIDDEN, and nothing is written.
     *
     * @param active the new activity, or null to leave it as it is (never implied)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserResponse updateLinked(
            Caller caller, Role linkedRole, long id, String email, String fullName, Boolean active) {
        UserAccount user = find(id);
        if (user.getRole() != linkedRole || !caller.role().canManageLinked(user.getRole())) {
            throw ApiException.forbidden("You may not change this account");
        }
        UserResponse before = UserResponse.of(user);
        int generation = user.getTokenGeneration();
        String mail = Text.normalizeKey(email);
        if (!mail.equals(user.getEmail())) {
            changeEmail(user, mail);
        }
        user.changeFullName(Text.trimToNull(fullName));
        changeActivity(user, active);
        return changed(user, before, generation, false);
    }

    @Transactional
    public Page<UserResponse> list(Caller caller, PageRequest page, String roleFilter, Boolean active) {
        Set<Role> visible = caller.role().manages();
        Role role = roleFilter == null ? null : Role.parse(roleFilter, "role");
        return JpaPaging.find(em, UserAccount.class, page, SORT_ATTRIBUTES, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    where.add(root.get("role").in(visible));
                    if (role != null) {
                        where.add(cb.equal(root.get("role"), role));
                    }
                    if (active != null) {
                        where.add(cb.equal(root.get("active"), active));
                    }
                    if (page.q() != null) {
                        where.add(JpaPaging.containsAny(cb, root, page.q(), "username", "email", "fullName"));
                    }
                    return where;
                })
                .map(UserResponse::of);
    }

    @Transactional
    public UserResponse get(Caller caller, long id) {
        UserAccount user = find(id);
        if (user.getId() != caller.id()) {
            requireManages(caller, user, "read");
        }
        return UserResponse.of(user);
    }

    @Transactional
    public UserResponse update(Caller caller, long id, Long expectedVersion, UserUpdateRequest request) {
        UserAccount user = find(id);
        requireManages(caller, user, "change");
        Versions.check(user, expectedVersion, "User");
        UserResponse before = UserResponse.of(user);
        int generation = user.getTokenGeneration();
        if (request.role() != null) {
            Role newRole = Role.parse(request.role(), "role");
            requireGrants(caller, newRole);
            if (user.getRole() == Role.SUPER_ADMIN && newRole != Role.SUPER_ADMIN) {
                requireAnotherSuperAdmin(user);
            }
            user.changeRole(newRole);
        }
        if (request.customRoles() != null) {
            customRoles.assign(caller, user, request.customRoles());
        }
        if (request.email() != null) {
            changeEmail(user, Text.normalizeKey(request.email()));
        }
        if (request.fullName() != null) {
            user.changeFullName(Text.trimToNull(request.fullName()));
        }
        if (request.password() != null) {
            passwords.checkPolicy(request.password(), user.getUsername(), "password");
            user.changePassword(passwords.hash(request.password()), caller.username());
            tokens.revokeAllRefreshTokens(user.getId());
        }
        changeActivity(user, request.active());
        return changed(user, before, generation, true);
    }

    private void changeEmail(UserAccount user, String email) {
        requireUnique(null, email, user.getId());
        user.changeEmail(email);
    }

    /** @param active the new activity, or null to leave it as it is */
    private void changeActivity(UserAccount user, Boolean active) {
        if (active != null && active != user.isActive()) {
            if (active) {
                user.activate();
            } else {
                deactivate(user);
            }
        }
    }

    /**
     * Ends a change: the account's tokens stop working when it changed what they carry; its audit row (unless
     * nothing changed and {@code always} is false).
     */
    private UserResponse changed(UserAccount user, UserResponse before, int generation, boolean always) {
        if (user.getTokenGeneration() != generation) {
            tokens.accountChanged(user.getId());
        }
        flush();
        UserResponse after = UserResponse.of(user);
        if (always || !after.equals(before)) {
            audit.record(AuditAction.UPDATE, "user", user.getId(), before, after);
        }
        return after;
    }

    @Transactional
    public void deactivate(Caller caller, long id, Long expectedVersion) {
        UserAccount user = find(id);
        requireManages(caller, user, "delete");
        Versions.check(user, expectedVersion, "User");
        if (!user.isActive()) {
            return;
        }
        UserResponse before = UserResponse.of(user);
        deactivate(user);
        flush();
        audit.record(AuditAction.DEACTIVATE, "user", user.getId(), before, UserResponse.of(user));
    }

    private void deactivate(UserAccount user) {
        if (user.getRole() == Role.SUPER_ADMIN) {
            requireAnotherSuperAdmin(user);
        }
        user.deactivate();
        tokens.revokeAllRefreshTokens(user.getId());
    }

    /**
     * Creates the first super admin when there is no active one.
     *
     * @return the generated password when none was configured, else null
     */
    @Transactional
    public String ensureSuperAdmin(String username, String email, String configuredPassword) {
        boolean exists = !em.createNamedQuery("UserAccount.activeWithRole", UserAccount.class)
                .setParameter("role", Role.SUPER_ADMIN)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (exists) {
            return null;
        }
        String name = Text.normalizeKey(username);
        String generated = null;
        String password = configuredPassword;
        if (password == null || password.isBlank()) {
            generated = passwords.random();
            password = generated;
        } else {
            passwords.checkPolicy(password, name, "factory.admin.password");
        }
        List<UserAccount> same = em.createNamedQuery("UserAccount.findByLogin", UserAccount.class)
                .setParameter("login", name)
                .getResultList();
        UserAccount admin;
        if (same.isEmpty()) {
            admin = new UserAccount(
                    name, Text.normalizeKey(email), "Super Admin", passwords.hash(password), Role.SUPER_ADMIN, null);
            em.persist(admin);
        } else {
            admin = same.get(0);
            admin.changeRole(Role.SUPER_ADMIN);
            admin.changePassword(passwords.hash(password), null);
            admin.activate();
        }
        if (generated != null) {
            admin.requirePasswordChange();
        }
        em.flush();
        audit.record(AuditAction.BOOTSTRAP_SUPER_ADMIN, "user", admin.getId(), null, Map.of("username", name));
        return generated;
    }

    /** The account a login string names (username or email), or null; its connection is returned at once. */
    @Transactional
    public UserAccount findForLogin(String login) {
        return em.createNamedQuery("UserAccount.findByLogin", UserAccount.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** A successful login: its time on the account and its audit row. */
    @Transactional
    public void recordLogin(long userId) {
        em.createQuery("UPDATE UserAccount u SET u.lastLoginAt = :now WHERE u.id = :id")
                .setParameter("now", Instant.now())
                .setParameter("id", userId)
                .executeUpdate();
        audit.record(AuditAction.LOGIN, "user", userId, null, Map.of());
    }

    UserAccount find(long id) {
        UserAccount user = em.find(UserAccount.class, id);
        if (user == null) {
            throw ApiException.notFound("User", id);
        }
        return user;
    }

    /** The target account's role is not named: a 403 must not tell what kind of account it is. */
    private void requireManages(Caller caller, UserAccount target, String what) {
        if (!caller.role().canManage(target.getRole())) {
            throw ApiException.forbidden("You may not " + what + " this account");
        }
    }

    /** A role the caller asked for itself may be named. */
    private void requireGrants(Caller caller, Role role) {
        if (!caller.role().canManage(role)) {
            throw ApiException.forbidden("You may not grant the role " + role.value());
        }
    }

    /** An account links only to an employee or a customer that exists: 404 naming the field otherwise. */
    private void requireLinkTarget(String field, String kind, Long id) {
        if (id != null && !directories.exists(kind, id)) {
            throw ApiException.notFoundField(field, kind, id);
        }
    }

    /** Locks the active super admins, so that two concurrent demotions cannot remove the last one. */
    private void requireAnotherSuperAdmin(UserAccount user) {
        List<UserAccount> superAdmins = em.createNamedQuery("UserAccount.activeWithRole", UserAccount.class)
                .setParameter("role", Role.SUPER_ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        boolean another = superAdmins.stream().anyMatch(u -> !u.getId().equals(user.getId()));
        if (!another) {
            throw new ApiException(
                    ErrorCode.LAST_SUPER_ADMIN, "This is the last active super_admin; promote another account first");
        }
    }

    void requireUnique(String username, String email, Long exceptId) {
        if (username != null && taken("username", username, null)) {
            throw ApiException.alreadyExists("username", "The username " + username + " is taken");
        }
        if (email != null && emailTaken(email, exceptId)) {
            throw ApiException.alreadyExists("email", "The email " + email + " is already used by another account");
        }
    }

    /** Whether another account than {@code exceptId} (null: any) has this email. */
    boolean emailTaken(String email, Long exceptId) {
        return taken("email", email, exceptId);
    }

    private boolean taken(String attribute, String value, Long exceptId) {
        return em
                .createQuery("SELECT u.id FROM UserAccount u WHERE u." + attribute + " = :v", Long.class)
                .setParameter("v", value)
                .getResultList()
                .stream()
                .anyMatch(id -> !id.equals(exceptId));
    }

    void flush() {
        Constraints.flush(
                em, () -> new ApiException(ErrorCode.ALREADY_EXISTS, "The username or email is already in use"));
    }
}
