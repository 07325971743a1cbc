package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in roles of the design. Staff roles nest: {@code super_admin} ⊇ {@code admin} ⊇ {@code manager} ⊇
 * {@code user}; {@code mechanic} and {@code customer} stand apart. Every account has one: it decides which accounts
 * it manages and what a mechanic's or customer's view is scoped to. What an account may call is its {@link
 * Permission}s: those of its built-in role and of its custom roles.
 */
public enum Role {
    SUPER_ADMIN("Manages every account, including admins; everything an admin may do."),
    ADMIN("Manages manager, user, mechanic and customer accounts; writes master data; reads the audit log."),
    MANAGER("Reads employees, production, suppliers and analytics; records production; manages stock."),
    USER("Staff: looks up products and customers, takes orders, reads stock."),
    MECHANIC("Works service tickets and consumes parts on them; reads stock."),
    CUSTOMER("Self-service: own service tickets.");

    public static final String SUPER_ADMIN_NAME = "super_admin";
    public static final String ADMIN_NAME = "admin";
    public static final String MANAGER_NAME = "manager";
    public static final String USER_NAME = "user";
    public static final String MECHANIC_NAME = "mechanic";
    public static final String CUSTOMER_NAME = "customer";

    private final String description;

    Role(String description) {
        this.description = description;
    }

    /** The name used in JSON, JWT groups and {@code @RolesAllowed}: {@code super_admin}, … */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** This role and the roles it includes. */
    public Set<Role> includes() {
        return switch (this) {
            case SUPER_ADMIN -> EnumSet.of(SUPER_ADMIN, ADMIN, MANAGER, USER);
            case ADMIN -> EnumSet.of(ADMIN, MANAGER, USER);
            case MANAGER -> EnumSet.of(MANAGER, USER);
            case USER -> EnumSet.of(USER);
            case MECHANIC -> EnumSet.of(MECHANIC);
            case CUSTOMER -> EnumSet.of(CUSTOMER);
        };
    }

    /** The roles whose accounts this role may create, change and deactivate, and may grant. */
    public Set<Role> manages() {
        return switch (this) {
            case SUPER_ADMIN -> EnumSet.allOf(Role.class);
            case ADMIN -> EnumSet.of(MANAGER, USER, MECHANIC, CUSTOMER);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    public boolean canManage(Role other) {
        return manages().contains(other);
    }

    /**
     * Whether this role may change an account of role {@code other} that is linked to a record of another
     * feature, through that feature (a mechanic's account through {@code /api/mechanics}): the roles it
     * manages, and, for a manager (who manages mechanics), mechanic accounts.
     */
    public boolean canManageLinked(Role other) {
        return canManage(other) || (includes().contains(MANAGER) && other == MECHANIC);
    }

    public List<String> groups() {
        return includes().stream().map(Role::value).toList();
    }

    /** The permissions this built-in role holds. */
    public Set<Permission> permissions() {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (permission.heldBy(this)) {
                held.add(permission);
            }
        }
        return held;
    }

    /** Parses a role name from a request; an unknown name is a validation error on {@code field}. */
    public static Role parse(String value, String field) {
        return Arrays.stream(values())
                .filter(r -> r.value().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField(
                        field,
                        "must be one of "
                                + Arrays.stream(values()).map(Role::value).toList()));
    }
}
