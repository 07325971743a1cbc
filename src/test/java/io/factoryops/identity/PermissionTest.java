package io.factoryops.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The permission catalogue: every operation names permissions that exist, every permission guards an operation or
 * a rule, and the built-in roles nest as before (a higher staff role holds everything a lower one holds).
 */
class PermissionTest {

    /** Permissions that no annotation names: rules inside the services read them ({@link Caller#has}). */
    private static final Set<Permission> CHECKED_IN_SERVICES = EnumSet.of(
            Permission.ORDERS_READ_ALL,
            Permission.PURCHASE_ORDERS_APPROVE_ABOVE_LIMIT,
            Permission.SERVICE_TICKETS_ASSIGN);

    private static List<String> annotated() {
        JavaClasses application = new ClassFileImporter().importPath(Path.of("target", "classes"));
        return application.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(RolesAllowed.class))
                .map(JavaMethod::reflect)
                .flatMap(method ->
                        Arrays.stream(method.getAnnotation(RolesAllowed.class).value()))
                .toList();
    }

    @Test
    void everyRolesAllowedNamesAPermission() {
        Set<String> known =
                Arrays.stream(Permission.values()).map(Permission::value).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(annotated());
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "@RolesAllowed names these, which are no permissions");
    }

    @Test
    void everyPermissionGuardsSomething() {
        Set<String> used = new TreeSet<>(annotated());
        List<Permission> unused = Arrays.stream(Permission.values())
                .filter(p -> !used.contains(p.value()) && !CHECKED_IN_SERVICES.contains(p))
                .toList();
        assertEquals(List.of(), unused);
    }

    @Test
    void builtInStaffRolesNest() {
        assertTrue(Role.SUPER_ADMIN.permissions().containsAll(Role.ADMIN.permissions()));
        assertTrue(Role.ADMIN.permissions().containsAll(Role.MANAGER.permissions()));
        assertTrue(Role.MANAGER.permissions().containsAll(Role.USER.permissions()));
        assertEquals(
                EnumSet.complementOf(EnumSet.of(
                        Permission.CUSTOMER_PORTAL, Permission.SERVICE_TICKETS_TAKE, Permission.SIGN_IN_MANAGE)),
                Role.ADMIN.permissions(),
                "an admin holds every permission but a customer's portal, a mechanic's queue and the sign-in policy");
        assertEquals(
                EnumSet.of(Permission.SIGN_IN_MANAGE),
                EnumSet.complementOf(EnumSet.copyOf(Role.ADMIN.permissions())).stream()
                        .filter(Role.SUPER_ADMIN.permissions()::contains)
                        .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Permission.class))),
                "what a super admin holds beyond an admin: the sign-in policy");
    }

    @Test
    void mechanicsAndCustomersHoldOnlyTheirOwn() {
        assertTrue(Role.MECHANIC.permissions().contains(Permission.SERVICE_TICKETS_TAKE));
        assertFalse(Role.MANAGER.permissions().contains(Permission.SERVICE_TICKETS_TAKE));
        assertFalse(Role.MECHANIC.permissions().contains(Permission.ORDERS_READ));
        assertEquals(
                EnumSet.of(
                        Permission.ACCOUNT_SELF,
                        Permission.NOTIFICATIONS_OWN,
                        Permission.CUSTOMER_PORTAL,
                        Permission.SERVICE_TICKETS_CREATE),
                Role.CUSTOMER.permissions());
    }

    @Test
    void namesAreUniqueAndShaped() {
        Set<String> names = new TreeSet<>();
        for (Permission p : Permission.values()) {
            assertTrue(names.add(p.value()), "twice: " + p.value());
            assertTrue(p.value().matches("[a-z-]+:[a-z-]+"), p.value());
        }
    }

    @Test
    void aCallerHoldsWhatItsTokenCarries() {
        Caller clerk = new Caller(7, "clerk", Role.USER, EnumSet.of(Permission.ORDERS_READ, Permission.STOCK_ADJUST));
        assertTrue(clerk.has(Permission.STOCK_ADJUST));
        assertFalse(clerk.has(Permission.ORDERS_FULFIL));
        assertEquals(Role.USER.permissions(), new Caller(7, "clerk", Role.USER).permissions());
    }
}
