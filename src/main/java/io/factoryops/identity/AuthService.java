package io.factoryops.identity;

import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.http.CurrentRequest;
import io.factoryops.platform.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sessions: login, refresh, logout, and what a signed-in user does to their own account. Failed
 * logins are audited (in a transaction of their own, so the row survives the failure) and rate
 * limited per client IP and account.
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

    @Transactional
    public LoginResponse login(LoginRequest request) {
        String login = request.login();
        if (login == null || login.isEmpty()) {
            throw ApiException.invalidField("username", "username or email is required");
        }
        rateLimiter.checkLogin(CurrentRequest.clientIpOrUnknown(), login);
        UserAccount user = em.createNamedQuery("UserAccount.findByLogin", UserAccount.class)
                .setParameter("login", login)
                .getResultStream().findFirst().orElse(null);
        if (user == null) {
            passwords.burnVerification(request.password());
            throw loginFailed(login, null, "unknown account");
        }
        if (!passwords.matches(request.password(), user.getPasswordHash())) {
            throw loginFailed(login, user.getId(), "wrong password");
        }
        if (!user.isActive()) {
            throw loginFailed(login, user.getId(), "account disabled");
        }
        em.createQuery("UPDATE UserAccount u SET u.lastLoginAt = :now WHERE u.id = :id")
                .setParameter("now", Instant.now()).setParameter("id", user.getId()).executeUpdate();
        CurrentRequest.get().ifPresent(r -> r.actor(user.getUsername()));
        audit.record("LOGIN", "user", user.getId(), null, Map.of());
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
        audit.record("LOGOUT", "user", caller.id(), null, Map.of());
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
            String email = Text.normalizeKey(request.email());
            users.requireUnique(null, email, user.getId());
            user.changeEmail(email);
        }
        if (request.fullName() != null) {
            user.changeFullName(Text.trimToNull(request.fullName()));
        }
        users.flush();
        UserResponse after = UserResponse.of(user);
        audit.record("UPDATE_PROFILE", "user", user.getId(), before, after);
        return after;
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
        user.changePassword(passwords.hash(request.newPassword()));
        tokens.revokeAllRefreshTokens(user.getId());
        users.flush();
        audit.record("CHANGE_PASSWORD", "user", user.getId(), null, Map.of());
    }

    private LoginResponse session(String message, UserAccount user, String familyId) {
        TokenService.AccessToken access = tokens.issueAccessToken(user);
        TokenService.IssuedRefreshToken refresh = tokens.issueRefreshToken(user.getId(), familyId);
        return new LoginResponse(message, access.token(), "Bearer", access.expiresIn(), refresh.token(),
                UserResponse.of(user));
    }

    private ApiException loginFailed(String login, Long userId, String reason) {
        audit.recordIndependently(login, "LOGIN_FAILED", "user", userId, Map.of("reason", reason));
        return new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid username, email or password");
    }
}
