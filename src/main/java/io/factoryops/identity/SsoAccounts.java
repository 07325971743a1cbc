package io.factoryops.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts of single sign-on: the account tied to a verified token's subject, created on its first sign-in
 * (audited), its roles following its groups at the provider, never revived when deactivated.
 */
@ApplicationScoped
class SsoAccounts {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    SsoSettings settings;

    @Inject
    AuthService auth;

    @Inject
    UserService users;

    @Inject
    CustomRoleService customRoles;

    @Inject
    PasswordService passwords;

    @Inject
    AuditService audit;

    @Transactional
    LoginResponse session(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        SsoRoles roles = SsoRoles.of(groups(claims), settings);
        List<UserAccount> tied = em.createNamedQuery("UserAccount.bySubject", UserAccount.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultList();
        UserAccount user = tied.isEmpty() ? create(claims, roles) : tied.get(0);
        CurrentRequest.get().ifPresent(r -> r.actor(user.getUsername()));
        if (!user.isActive()) {
            audit.recordIndependently(
                    user.getUsername(),
                    AuditAction.LOGIN_FAILED,
                    "user",
                    user.getId(),
                    Map.of("reason", "account disabled", "via", "sso"));
            throw new ApiException(ErrorCode.FORBIDDEN, "This account is deactivated; ask an administrator");
        }
        if (!tied.isEmpty()) {
            follow(user, roles);
        }
        user.recordLogin();
        users.flush();
        audit.record(AuditAction.LOGIN, "user", user.getId(), null, Map.of("via", "sso", "provider", settings.name()));
        return auth.session("Login successful", user, null);
    }

    private UserAccount create(JWTClaimsSet claims, SsoRoles roles) {
        String username = Text.normalizeKey(claim(claims, settings.usernameClaim()));
        if (username == null || username.isEmpty() || username.length() > 50) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "The token's " + settings.usernameClaim() + " claim is not a username (1 to 50 characters)");
        }
        String email = Text.normalizeKey(claim(claims, "email"));
        if (email == null || email.isEmpty() || email.length() > 255) {
            email = username + "@sso.invalid";
        }
        if (users.findForLogin(username) != null || users.findForLogin(email) != null) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "An account with this username or email exists and is not tied to " + settings.name()
                            + "; an administrator must rename or remove it first");
        }
        UserAccount user = new UserAccount(
                username,
                email,
                Text.trimToNull(claim(claims, "name")),
                passwords.hash(passwords.random()),
                roles.role(),
                "sso");
        user.tieTo(claims.getIssuer(), claims.getSubject());
        user.changeCustomRoles(customRoles.named(roles.customRoles(), "groups"));
        em.persist(user);
        users.flush();
        CurrentRequest.get().ifPresent(r -> r.actor(username));
        audit.record(AuditAction.CREATE, "user", user.getId(), null, UserResponse.of(user));
        return user;
    }

    /** Brings the account's roles in line with its groups; a change is audited and revokes earlier tokens. */
    private void follow(UserAccount user, SsoRoles roles) {
        Set<CustomRole> wanted = customRoles.named(roles.customRoles(), "groups");
        if (user.getRole() == roles.role() && user.getCustomRoles().equals(wanted)) {
            return;
        }
        UserResponse before = UserResponse.of(user);
        user.changeRole(roles.role());
        user.changeCustomRoles(wanted);
        users.flush();
        audit.record(AuditAction.UPDATE, "user", user.getId(), before, UserResponse.of(user));
    }

    private List<String> groups(JWTClaimsSet claims) {
        try {
            List<String> groups = claims.getStringListClaim(settings.groupsClaim());
            return groups == null ? List.of() : groups;
        } catch (ParseException e) {
            return List.of();
        }
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
