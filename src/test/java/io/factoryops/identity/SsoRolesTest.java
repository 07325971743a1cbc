package io.factoryops.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the provider's groups become roles, and which mappings the start-up refuses. */
class SsoRolesTest {

    private static SsoSettings settings(String groupRoles) {
        SsoSettings s = new SsoSettings();
        s.issuer = Optional.of("https://login.example.com/realms/plant");
        s.jwksUrl = Optional.of("https://login.example.com/realms/plant/protocol/openid-connect/certs");
        s.audience = Optional.of("factory-api");
        s.clientId = Optional.empty();
        s.name = "Login";
        s.groupRoles = Optional.ofNullable(groupRoles);
        s.groupsClaim = "groups";
        s.usernameClaim = "preferred_username";
        s.clockSkewSeconds = 60;
        s.keyRefetchSeconds = 30;
        s.parse();
        return s;
    }

    @Test
    void theHighestBuiltInRoleWinsAndCustomRolesAddUp() {
        SsoSettings s = settings("staff=user, leads=manager,buyers=purchasing,auditors=audit");
        SsoRoles roles = SsoRoles.of(List.of("staff", "leads", "buyers", "auditors", "unknown"), s);
        assertEquals(Role.MANAGER, roles.role());
        assertEquals(Set.of("purchasing", "audit"), roles.customRoles());
    }

    @Test
    void customRolesAloneRestOnTheUserRole() {
        SsoRoles roles = SsoRoles.of(List.of("buyers"), settings("buyers=purchasing"));
        assertEquals(Role.USER, roles.role());
        assertEquals(Set.of("purchasing"), roles.customRoles());
    }

    @Test
    void noMappedGroupIsRefused() {
        ApiException e =
                assertThrows(ApiException.class, () -> SsoRoles.of(List.of("visitors"), settings("staff=user")));
        assertEquals(ErrorCode.NO_MAPPED_ROLE, e.code());
        assertThrows(ApiException.class, () -> SsoRoles.of(List.of(), settings("staff=user")));
    }

    @Test
    void singleSignOnNeverGivesSuperAdminMechanicOrCustomer() {
        for (String role : List.of("super_admin", "mechanic", "customer")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings("it=" + role));
            assertTrue(e.getMessage().contains(role), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> settings("no-role-given"));
        assertThrows(IllegalStateException.class, () -> settings("=admin"));
    }

    @Test
    void theStartRefusesAnIssuerWithoutKeysOrAudience() {
        SsoSettings s = new SsoSettings();
        s.issuer = Optional.of("https://login.example.com/realms/plant");
        s.jwksUrl = Optional.empty();
        s.audience = Optional.of("factory-api");
        assertThrows(IllegalStateException.class, s::parse);
    }

    @Test
    void theRolesSingleSignOnGivesAreTheOnesWhosePasswordsCanBeTurnedOff() {
        assertEquals(Set.of(Role.ADMIN, Role.MANAGER, Role.USER), SsoRoles.GIVEN);
    }

    @Test
    void passwordSignInOffLeavesTheBreakGlassSuperAdminMechanicsAndCustomersTheirPasswords() {
        SignInPolicy policy = new SignInPolicy();
        policy.staffPasswordSignIn(false);
        for (Role role : Role.values()) {
            assertEquals(!SsoRoles.GIVEN.contains(role), policy.allowsPassword(role), role.value());
        }
        policy.staffPasswordSignIn(true);
        for (Role role : Role.values()) {
            assertTrue(policy.allowsPassword(role), role.value());
        }
    }
}
