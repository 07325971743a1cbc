package io.factoryops.identity;

import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.ratelimit.RateLimiter;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sessions: login, refresh, logout, and what a signed-in user does to their own account. Failed
 * logins are audited (in a transaction of their own, so the row survives the failure, and without
 * the raw login string) and rate limited per client IP and login, and per account from every address.
 */
@ApplicationScoped
public class AuthService {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    PasswordService passwords;

    @Inject
    TokenService tokens;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    SsoService sso;

    /**
     * Not one transaction: the password check (a capped, CPU-bound hash) must hold no pooled
     * connection. The account is read in a transaction of its own (outside one, Liberty would keep the
     * connection until the request ends, and a flood of logins, each also auditing its failure on a
     * second connection, would drain the pool), the password checked, then the login recorded in a
     * transaction.
     */
    public LoginResponse login(LoginRequest request) {
        return login(request, null);
    }

    /**
     * The login of one kind of account only ({@code /api/mechanics/login}): another kind is refused like
     * a wrong password (401 INVALID_CREDENTIALS, audited, counted against the account), so that the answer
     * does not tell what kind of account a login names.
     */
    public LoginResponse login(LoginRequest request, Role only) {
        String login = request.login();
        if (login == null || login.isEmpty()) {
            throw ApiException.invalidField("username", "username or email is required");
        }
        rateLimiter.checkLogin(CurrentRequest.clientIpOrUnknown(), login);
        passwords.requireCapacity();
        UserAccount user = users.findForLogin(login);
        String account = user == null ? "?" + login : Long.toString(user.getId());
        rateLimiter.checkAccountLogin(account);
        rateLimiter.checkAccountFailures(account);
        if (user == null) {
            passwords.burnVerification(request.password());
            throw loginFailed(account, login, null, "unknown account");
        }
        if (!passwords.matches(request.password(), user.getPasswordHash())) {
            throw loginFailed(account, login, user, "wrong password");
        }
        if (!user.isActive()) {
            throw loginFailed(account, login, user, "account disabled");
        }
        if (only != null && user.getRole() != only) {
            throw loginFailed(account, login, user, "not a " + only.value() + " account");
        }
        if (!sso.allowsPassword(user.getRole())) {
            audit.recordIndependently(
                    user.getUsername(),
                    AuditAction.LOGIN_FAILED,
                    "user",
                    user.getId(),
                    Map.of("reason", "password sign-in is off"));
            throw new ApiException(
                    ErrorCode.PASSWORD_SIGN_IN_OFF, "Sign in through the identity provider; password sign-in is off");
        }
        CurrentRequest.get().ifPresent(r -> r.actor(user.getUsername()));
        users.recordLogin(user.getId());
        return session("Login successful", user, null);
    }

    public LoginResponse refresh(RefreshRequest request) {
        RefreshToken used = tokens.consumeRefreshToken(request.refreshToken());
        UserAccount user = em.find(UserAccount.class, used.getUserId());
        if (user == null || !user.isActive()) {
            throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "The account is disabled");
        }
        return session("Token refreshed", user, used.getFamilyId());
    }

    @Transactional
    public void logout(JsonWebToken jwt, String refreshToken) {
        Caller caller = Caller.of(jwt);
        tokens.revokeAccessToken(jwt);
        if (refreshToken != null && !refreshToken.isBlank()) {
            tokens.revokeRefreshFamily(refreshToken, caller.id());
        }
        audit.record(AuditAction.LOGOUT, "user", caller.id(), null, Map.of());
    }

    @Transactional
    public UserResponse me(Caller caller) {
        return UserResponse.of(users.find(caller.id()));
    }

    @Transactional
    public UserResponse updateProfile(Caller caller, ProfileRequest request) {
        UserAccount user = users.find(caller.id());
        UserResponse before = UserResponse.of(user);
        if (request.email() != null) {
            changeEmail(user, Text.normalizeKey(request.email()));
        }
        if (request.fullName() != null) {
            user.changeFullName(Text.trimToNull(request.fullName()));
        }
        users.flush();
        UserResponse after = UserResponse.of(user);
        audit.record(AuditAction.UPDATE_PROFILE, "user", user.getId(), before, after);
        return after;
    }

    /**
     * An address held by another account is refused with the same 409 whatever the reason, naming
     * neither the address nor its holder; refusals count against the account's failed attempts
     * (429 once used up) and are audited, so that nobody can probe for accounts' addresses in bulk.
     */
    private void changeEmail(UserAccount user, String email) {
        if (email.equals(user.getEmail())) {
            return;
        }
        String account = Long.toString(user.getId());
        rateLimiter.checkAccountFailures(account);
        if (users.emailTaken(email, user.getId())) {
            rateLimiter.countAccountFailure(account);
            audit.recordIndependently(
                    user.getUsername(),
                    AuditAction.UPDATE_PROFILE_REFUSED,
                    "user",
                    user.getId(),
                    Map.of("reason", "email unavailable"));
            throw new ApiException(
                    ErrorCode.CONFLICT, "This email address cannot be used for your account; nothing was changed");
        }
        user.changeEmail(email);
    }

    @Transactional
    public void changePassword(Caller caller, ChangePasswordRequest request) {
        UserAccount user = users.find(caller.id());
        rateLimiter.checkLogin(CurrentRequest.clientIpOrUnknown(), user.getUsername());
        if (!passwords.matches(request.currentPassword(), user.getPasswordHash())) {
            throw ApiException.invalidField("current_password", "is not your current password");
        }
        if (request.newPassword().equals(request.currentPassword())) {
            throw ApiException.invalidField("new_password", "must differ from the current password");
        }
        passwords.checkPolicy(request.newPassword(), user.getUsername(), "new_password");
        user.changePassword(passwords.hash(request.newPassword()), user.getUsername());
        tokens.revokeAllRefreshTokens(user.getId());
        users.flush();
        audit.record(AuditAction.CHANGE_PASSWORD, "user", user.getId(), null, Map.of());
    }

    LoginResponse session(String message, UserAccount user, String familyId) {
        TokenService.AccessToken access = tokens.issueAccessToken(user);
        TokenService.IssuedRefreshToken refresh = tokens.issueRefreshToken(user.getId(), familyId);
        return new LoginResponse(
                message, access.token(), "Bearer", access.expiresIn(), refresh.token(), UserResponse.of(user));
    }

    /**
     * Audits a failed login without the raw login string (a password typed into the username field
     * must not land in the audit log): the account's own username when the login named an account,
     * else a masked form that keeps only the first character and the length.
     */
    private ApiException loginFailed(String account, String login, UserAccount user, String reason) {
        rateLimiter.countAccountFailure(account);
        String actor = user == null ? masked(login) : user.getUsername();
        audit.recordIndependently(
                actor, AuditAction.LOGIN_FAILED, "user", user == null ? null : user.getId(), Map.of("reason", reason));
        return new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid username, email or password");
    }

    /** {@code "s***(17)"}: the first character and the length of a login that named no account. */
    static String masked(String login) {
        return login.substring(0, Math.min(1, login.length())) + "***(" + login.length() + ")";
    }
}
