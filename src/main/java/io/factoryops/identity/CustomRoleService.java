package io.factoryops.identity;

import io.factoryops.platform.Text;
import io.factoryops.platform.error.ApiException;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom roles: a unique name and a set of permissions, each change with its audit row. Nobody grants what they
 * lack: whoever creates, changes or deletes a role must hold every permission it has before and after (403
 * otherwise). A change of a role's permissions reaches its holders' sessions as an account change does: their
 * access tokens are refused ({@code TOKEN_REVOKED}) on this server when the transaction ends and on the others
 * within {@code factory.auth.token-check-cache-seconds}; a refresh gives a token with the new permissions. A role
 * that accounts hold cannot be deleted.
 */
@ApplicationScoped
public class CustomRoleService extends MasterRecordService<CustomRole, CustomRoleRequest, CustomRoleResponse, Void> {

    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes("id", "name", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @Inject
    TokenService tokens;

    public CustomRoleService() {
        super(
                CustomRole.class,
                "custom_role",
                CustomRole::new,
                CustomRoleResponse::of,
                UniqueKey.of("name"),
                "is still held by accounts; take it from them first (PUT /api/auth/users/{id} with custom_roles)",
                SORT_ATTRIBUTES);
    }

    @Override
    protected JpaPaging.Filter<CustomRole> where(PageRequest page, Void filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "description"));
            }
            return where;
        };
    }

    @Transactional
    public CustomRoleResponse create(Caller caller, CustomRoleRequest request) {
        caller.requireHolds(Permission.parseAll(request.permissions(), "permissions"), quoted(request.name()));
        return create(request);
    }

    @Transactional
    public CustomRoleResponse replace(Caller caller, long id, Long expectedVersion, CustomRoleRequest request) {
        CustomRole role = find(id);
        Set<Permission> before = role.permissions();
        caller.requireHolds(before, quoted(role.getName()));
        caller.requireHolds(Permission.parseAll(request.permissions(), "permissions"), quoted(request.name()));
        CustomRoleResponse after = replace(id, expectedVersion, request);
        if (!role.permissions().equals(before)) {
            holders(role).forEach(account -> {
                account.permissionsChanged();
                tokens.accountChanged(account.getId());
            });
        }
        return after;
    }

    @Transactional
    public void delete(Caller caller, long id, Long expectedVersion) {
        CustomRole role = find(id);
        caller.requireHolds(role.permissions(), quoted(role.getName()));
        delete(id, expectedVersion);
    }

    /**
     * The account holds these custom roles from now on. The caller must hold every permission of each role it gives
     * or takes (403 otherwise); a customer account holds none (400).
     */
    void assign(Caller caller, UserAccount user, List<String> names) {
        Set<CustomRole> wanted = named(names, "custom_roles");
        if (!wanted.isEmpty() && user.getRole() == Role.CUSTOMER) {
            throw ApiException.invalidField("custom_roles", "a customer account holds no custom roles");
        }
        Set<CustomRole> held = user.getCustomRoles();
        for (CustomRole role : wanted) {
            if (!held.contains(role)) {
                caller.requireHolds(role.permissions(), quoted(role.getName()));
            }
        }
        for (CustomRole role : held) {
            if (!wanted.contains(role)) {
                caller.requireHolds(role.permissions(), quoted(role.getName()));
            }
        }
        user.changeCustomRoles(wanted);
    }

    /** The custom roles with these names; 400 on {@code field} naming one that does not exist. */
    Set<CustomRole> named(Collection<String> names, String field) {
        if (names.isEmpty()) {
            return Set.of();
        }
        List<CustomRole> found = em.createNamedQuery("CustomRole.byName", CustomRole.class)
                .setParameter("names", Set.copyOf(names))
                .getResultList();
        Set<String> known = new java.util.HashSet<>();
        found.forEach(r -> known.add(r.getName()));
        names.stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw ApiException.invalidField(field, "no custom role is named '" + name + "'");
        });
        return Set.copyOf(found);
    }

    private static String quoted(String role) {
        return "role '" + role + "'";
    }

    @Override
    protected void describe(CustomRole role, CustomRoleRequest request) {
        String name = request.name();
        if (java.util.Arrays.stream(Role.values()).anyMatch(r -> r.value().equals(name))) {
            throw ApiException.invalidField("name", "is a built-in role's name");
        }
        requireUnique(name, role.getId());
        role.describe(
                name,
                Text.trimToNull(request.description()),
                Permission.parseAll(request.permissions(), "permissions"));
    }

    private List<UserAccount> holders(CustomRole role) {
        return em.createQuery("SELECT u FROM UserAccount u JOIN u.customRoles r WHERE r.id = :id", UserAccount.class)
                .setParameter("id", role.getId())
                .getResultList();
    }
}
