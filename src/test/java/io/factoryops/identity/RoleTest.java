package io.factoryops.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void staffRolesNest() {
        assertEquals(Set.of("super_admin", "admin", "manager", "user"), Set.copyOf(Role.SUPER_ADMIN.groups()));
        assertEquals(Set.of("admin", "manager", "user"), Set.copyOf(Role.ADMIN.groups()));
        assertEquals(List.of("mechanic"), Role.MECHANIC.groups());
        assertEquals(List.of("customer"), Role.CUSTOMER.groups());
    }

    @Test
    void nobodyManagesAboveTheirOwnRole() {
        for (Role role : Role.values()) {
            assertTrue(Role.SUPER_ADMIN.canManage(role));
        }
        assertFalse(Role.ADMIN.canManage(Role.ADMIN));
        assertFalse(Role.ADMIN.canManage(Role.SUPER_ADMIN));
        assertTrue(Role.ADMIN.canManage(Role.CUSTOMER));
        for (Role role : Role.values()) {
            assertFalse(Role.MANAGER.canManage(role));
            assertFalse(Role.USER.canManage(role));
        }
    }

    @Test
    void parsesApiNamesOnly() {
        assertEquals(Role.SUPER_ADMIN, Role.parse("super_admin", "role"));
        assertThrows(ApiException.class, () -> Role.parse("SUPER_ADMIN", "role"));
        assertThrows(ApiException.class, () -> Role.parse(null, "role"));
    }
}
