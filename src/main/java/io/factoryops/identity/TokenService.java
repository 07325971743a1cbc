package io.factoryops.identity;

import com.ibm.websphere.security.jwt.JwtBuilder;
import com.ibm.websphere.security.jwt.JwtToken;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.ratelimit.RateLimiter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access and refresh tokens. Access tokens are RS256 JWTs built by Liberty's {@code jwtBuilder}
 * "factory.access" (key from the server keystore; the dot keeps Liberty's own {@code /jwt} token and
 * JWK endpoints from naming it) and verified by MicroProfile JWT. Refresh tokens are
 * opaque random strings stored as SHA-256 hashes.
 *
 * <p>Whether a verified access token is still good (not logged out, account active and unchanged) is
 * read from the database and remembered per token for {@code factory.auth.token-check-cache-seconds}.
 * A logout or an account change made on this server forgets the remembered answers at once, when its
 * transaction ends; another server of a cluster sees it when its answer expires.
 */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String GENERATION_CLAIM = "gen";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "factory.jwt.refresh-ttl-hours", defaultValue = "336")
    long refreshTtlHours;

    @Inject
    @ConfigProperty(name = "factory.auth.token-check-cache-seconds", defaultValue = "5")
    long checkCacheSeconds;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AccessTokenStates states;

    /** Remembered answers of {@link #rejectionReason}, by token id; bounded by clearing when full. */
    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    private static final int MAX_CHECKS = 50_000;

    /** Counts forgettings, so that an answer read while one happened is not remembered. */
    private final AtomicLong forgettings = new AtomicLong();

    private record Check(long userId, String reason, long expiresAtNanos) {}

    /** A signed access token and what the login response says about it; scope: its permissions, for clients. */
    public record AccessToken(String token, String jti, long expiresIn, String scope) {}

    /** A new refresh token in clear (returned once) and its family. */
    public record IssuedRefreshToken(String token, String familyId) {}

    public AccessToken issueAccessToken(UserAccount user) {
        return issue(user, groups(user), Map.of(), null);
    }

    /**
     * An access token of an API client, through its service account: the client's own permissions only (no role
     * group), its client id and its request limit ({@link RateLimiter#LIMIT_CLAIM}); no refresh token.
     */
    public AccessToken issueClientToken(UserAccount account, ApiClient client) {
        List<String> permissions = Permission.names(client.permissions());
        return issue(
                account,
                permissions,
                Map.of("client_id", client.getClientId(), RateLimiter.LIMIT_CLAIM, client.getRateLimitPerMinute()),
                String.join(" ", permissions));
    }

    /** A signed access token of the account with these groups and further claims. */
    private static AccessToken issue(
            UserAccount account, List<String> groups, Map<String, Object> claims, String scope) {
        try {
            JwtBuilder builder = JwtBuilder.create("factory.access")
                    .subject(Long.toString(account.getId()))
                    .claim("upn", account.getUsername())
                    .claim("groups", groups)
                    .claim("role", account.getRole().value());
            for (Map.Entry<String, Object> claim : claims.entrySet()) {
                builder.claim(claim.getKey(), claim.getValue());
            }
            JwtToken jwt = builder.claim(GENERATION_CLAIM, account.getTokenGeneration())
                    .buildJwt();
            long expiresIn = jwt.getClaims().getExpiration() - Instant.now().getEpochSecond();
            return new AccessToken(jwt.compact(), jwt.getClaims().getJwtId(), expiresIn, scope);
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue an access token", e);
        }
    }

    /**
     * The token's groups: the account's built-in role and the roles it includes (what the console and scoping read),
     * then every permission it holds through its built-in and custom roles ({@code @RolesAllowed} names those).
     */
    static List<String> groups(UserAccount user) {
        List<String> groups = new ArrayList<>(user.getRole().groups());
        groups.addAll(Permission.names(user.permissions()));
        return groups;
    }

    /** Starts a new family (a login) or continues one (a refresh). */
    @Transactional
    public IssuedRefreshToken issueRefreshToken(long userId, String familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String family = familyId == null ? UUID.randomUUID().toString() : familyId;
        em.persist(
                new RefreshToken(userId, sha256(token), family, Instant.now().plus(Duration.ofHours(refreshTtlHours))));
        return new IssuedRefreshToken(token, family);
    }

    /**
     * Uses a refresh token once. A token used before (or revoked) revokes its whole family, in a
     * transaction of its own so that the revocation stands although the request fails.
     *
     * @return the token's row, now marked used
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ApiException.class)
    public RefreshToken consumeRefreshToken(String token) {
        RefreshToken row = em.createNamedQuery("RefreshToken.findByHash", RefreshToken.class)
                .setParameter("hash", sha256(token))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "Unknown refresh token"));
        if (row.isExpired()) {
            throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token has expired; log in again");
        }
        int marked = em.createNamedQuery("RefreshToken.markUsed")
                .setParameter("now", Instant.now())
                .setParameter("id", row.getId())
                .executeUpdate();
        if (marked == 0) {
            em.createNamedQuery("RefreshToken.revokeFamily")
                    .setParameter("now", Instant.now())
                    .setParameter("family", row.getFamilyId())
                    .executeUpdate();
            throw new ApiException(
                    ErrorCode.REFRESH_TOKEN_REUSED,
                    "This refresh token was already used or revoked; every session of this login is now revoked");
        }
        return row;
    }

    /** Revokes the refresh token's family, when it belongs to the user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeRefreshFamily(String token, long userId) {
        em.createNamedQuery("RefreshToken.findByHash", RefreshToken.class)
                .setParameter("hash", sha256(token))
                .getResultStream()
                .filter(r -> r.getUserId() == userId)
                .findFirst()
                .ifPresent(r -> em.createNamedQuery("RefreshToken.revokeFamily")
                        .setParameter("now", Instant.now())
                        .setParameter("family", r.getFamilyId())
                        .executeUpdate());
    }

    /** Revokes every refresh token of the user (password change, deactivation, role change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAllRefreshTokens(long userId) {
        accountChanged(userId);
        em.createNamedQuery("RefreshToken.revokeUser")
                .setParameter("now", Instant.now())
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Revokes one access token until it expires (expired revocations are purged on a timer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAccessToken(JsonWebToken jwt) {
        if (jwt.getTokenID() != null) {
            forgetAfterTransaction(() -> forgetToken(jwt.getTokenID()));
        }
        if (jwt.getTokenID() != null && em.find(RevokedAccessToken.class, jwt.getTokenID()) == null) {
            em.persist(new RevokedAccessToken(jwt.getTokenID(), Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }

    /**
     * Whether a verified access token may still be used: not logged out, its account active and
     * not changed (password, role) since the token was issued. Null when accepted, else the reason.
     */
    public String rejectionReason(JsonWebToken jwt) {
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return "The token does not name an account";
        }
        String jti = jwt.getTokenID();
        if (jti == null || checkCacheSeconds <= 0) {
            return readRejectionReason(jwt, userId);
        }
        long now = System.nanoTime();
        Check known = checks.get(jti);
        if (known != null && known.userId() == userId && now - known.expiresAtNanos() < 0) {
            return known.reason();
        }
        long seen = forgettings.get();
        String reason = readRejectionReason(jwt, userId);
        if (forgettings.get() == seen) {
            if (checks.size() >= MAX_CHECKS) {
                checks.clear();
            }
            long ttlNanos = Duration.ofSeconds(Math.min(
                            checkCacheSeconds,
                            Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond())))
                    .toNanos();
            checks.put(jti, new Check(userId, reason, now + ttlNanos));
        }
        return reason;
    }

    private String readRejectionReason(JsonWebToken jwt, long userId) {
        AccessTokenStates.State state = states.read(userId, jwt.getTokenID());
        if (!state.exists() || !state.active()) {
            return "The account is disabled";
        }
        if (state.loggedOut()) {
            return "The token was revoked by a logout";
        }
        Object claim = jwt.getClaim(GENERATION_CLAIM);
        Integer generation = claim instanceof Number n
                ? Integer.valueOf(n.intValue())
                : claim instanceof jakarta.json.JsonNumber j ? Integer.valueOf(j.intValue()) : null;
        if (generation == null || generation != state.tokenGeneration()) {
            return "The token was issued before the account's credentials or role changed; log in again";
        }
        return null;
    }

    /** The account's state or token generation changes in this transaction: forget what was remembered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accountChanged(long userId) {
        forgetAfterTransaction(() -> forgetUser(userId));
    }

    /**
     * Forgets remembered answers now and again when the current transaction has ended (committed or
     * not): a request that read the old state before the commit must not keep it.
     */
    private void forgetAfterTransaction(Runnable forget) {
        forget.run();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                forget.run();
            }
        });
    }

    private void forgetUser(long userId) {
        forgettings.incrementAndGet();
        checks.values().removeIf(check -> check.userId() == userId);
    }

    private void forgetToken(String jti) {
        forgettings.incrementAndGet();
        checks.remove(jti);
    }

    /** The hex SHA-256 of a random token: how tokens (refresh, registration confirmation) are stored. */
    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
