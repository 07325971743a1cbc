package io.factoryops.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Single sign-on: a valid access token of the OpenID Connect provider is exchanged for a session of ours (our access
 * and refresh tokens), for the account tied to the token's subject. The first sign-in of a subject creates that
 * account (audited); later ones bring its roles in line with its groups at the provider (audited when they change:
 * its earlier tokens stop working). A deactivated account stays deactivated: the provider cannot revive it.
 *
 * <p>The provider's token is verified outside any transaction (a fetch of its keys must hold no connection); the
 * account is read and written in one ({@link SsoAccounts}). The sign-in policy lives here too.
 */
@ApplicationScoped
public class SsoService {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    SsoSettings settings;

    @Inject
    SsoProvider provider;

    @Inject
    SsoAccounts accounts;

    @Inject
    AuditService audit;

    /** What the console needs to offer "Sign in with …": nothing but public facts. */
    public SsoConfigResponse config() {
        boolean passwordSignIn = policy().staffPasswordSignIn();
        if (!settings.enabled()) {
            return new SsoConfigResponse(false, null, null, null, null, passwordSignIn);
        }
        String authorization = settings.clientId().isPresent() ? authorizationEndpoint() : null;
        return new SsoConfigResponse(
                true,
                settings.name(),
                authorization,
                settings.clientId().orElse(null),
                authorization == null ? null : "openid",
                passwordSignIn);
    }

    /** Null while the provider cannot be reached: the console then offers passwords only, and asks again later. */
    private String authorizationEndpoint() {
        try {
            return provider.discovery().authorizationEndpoint();
        } catch (ApiException unreachable) {
            return null;
        }
    }

    /** Exchanges the provider's access token for a session of ours. */
    public LoginResponse signIn(String providerToken) {
        JWTClaimsSet claims = provider.verify(providerToken);
        return accounts.session(claims);
    }

    /** Redeems the console's authorization code at the provider, then signs in with the access token it gives. */
    public LoginResponse signInWithCode(SsoCodeRequest request) {
        String token = provider.redeem(request.code(), request.codeVerifier(), request.redirectUri());
        return signIn(token);
    }

    @Transactional
    public SignInPolicyResponse policy() {
        return SignInPolicyResponse.of(em.find(SignInPolicy.class, SignInPolicy.THE_ROW));
    }

    /** Turns password sign-in for staff on or off; off only when single sign-on is configured (409 otherwise). */
    @Transactional
    public SignInPolicyResponse changePolicy(SignInPolicyRequest request, Long expectedVersion) {
        SignInPolicy policy = em.find(SignInPolicy.class, SignInPolicy.THE_ROW, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(policy.version(), expectedVersion, "Sign-in policy", SignInPolicy.THE_ROW);
        if (!request.staffPasswordSignIn() && !settings.enabled()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "Password sign-in stays on while no identity provider is configured");
        }
        SignInPolicyResponse before = SignInPolicyResponse.of(policy);
        policy.staffPasswordSignIn(request.staffPasswordSignIn());
        em.flush();
        SignInPolicyResponse after = SignInPolicyResponse.of(policy);
        audit.record(AuditAction.UPDATE, "sign_in_policy", SignInPolicy.THE_ROW, before, after);
        return after;
    }

    /** Whether an account of this role may sign in with its password now. */
    @Transactional
    boolean allowsPassword(Role role) {
        return em.find(SignInPolicy.class, SignInPolicy.THE_ROW).allowsPassword(role);
    }
}
