package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller, as its verified access token describes it: the account, its built-in role (which scopes
 * what a mechanic or customer sees and which accounts it manages) and its permissions (what it may do).
 */
public record Caller(long id, String username, Role role, Set<Permission> permissions) {

    private static final Map<String, Permission> BY_NAME =
            Arrays.stream(Permission.values()).collect(Collectors.toMap(Permission::value, Function.identity()));

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    /** A caller with exactly its built-in role's permissions (timers, the demo data, tests). */
    public Caller(long id, String username, Role role) {
        this(id, username, role, role.permissions());
    }

    /**
     * The caller of this request, from the JAX-RS security context's principal (the verified token itself).
     * Resources use this rather than {@code @Inject JsonWebToken}: that request-scoped bean is built anew
     * for each request through Liberty's injection engine, which takes a server-wide lock (JFR of
     * {@code POST /api/orders}: 82 threads blocked on it, 2 s in 20 s).
     */
    public static Caller of(SecurityContext security) {
        return of((JsonWebToken) security.getUserPrincipal());
    }

    public static Caller of(JsonWebToken jwt) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String group : jwt.getGroups()) {
            Permission permission = BY_NAME.get(group);
            if (permission != null) {
                permissions.add(permission);
            }
        }
        return new Caller(
                Long.parseLong(jwt.getSubject()), jwt.getName(), Role.parse(jwt.getClaim("role"), "role"), permissions);
    }

    /**
     * 403 unless the caller holds every one of these permissions (of {@code what}: "role 'clerk'"): nobody grants,
     * changes or withdraws what they lack.
     */
    public void requireHolds(Set<Permission> needed, String what) {
        Set<Permission> lacking = EnumSet.noneOf(Permission.class);
        lacking.addAll(needed);
        lacking.removeAll(permissions);
        if (!lacking.isEmpty()) {
            throw ApiException.forbidden("You may not grant, change or withdraw " + what
                    + ": it has permissions you lack (" + String.join(", ", Permission.names(lacking)) + ")");
        }
    }

    /** Whether the caller's token carries this permission. */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
