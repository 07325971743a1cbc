package io.factoryops.identity;

import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API clients and the client credentials grant. A client acts through a service account of its own ({@code
 * client:<name>}, role user, a random password nobody knows), so that audit rows name it, what it creates is
 * its own and deactivating the account stops its tokens within {@code factory.auth.token-check-cache-seconds}.
 * Its tokens carry its own permissions only, and its request limit. Whoever creates, rotates or revokes a client
 * must hold every permission it has.
 */
@ApplicationScoped
public class ApiClientService {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "name", "created_at", "last_used_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_RATE_LIMIT = 600;
    private static final int DEFAULT_OVERLAP_MINUTES = 60;

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    PasswordService passwords;

    @Inject
    TokenService tokens;

    @Inject
    AuditService audit;

    /** A token for the client whose credentials these are; 401 {@code INVALID_CLIENT} for any wrong part. */
    @Transactional(dontRollbackOn = ApiException.class)
    public TokenService.AccessToken issueToken(String clientId, String secret) {
        ApiClient client = em.createNamedQuery("ApiClient.byClientId", ApiClient.class)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        Instant now = Instant.now();
        UserAccount account = client == null ? null : em.find(UserAccount.class, client.getAccountId());
        if (client == null
                || !client.accepts(TokenService.sha256(secret), now)
                || account == null
                || !account.isActive()) {
            throw invalidClient();
        }
        client.used(now);
        CurrentRequest.get().ifPresent(r -> r.actor(account.getUsername()));
        audit.record(AuditAction.LOGIN, "api_client", client.getId(), null, Map.of("client_id", clientId));
        return tokens.issueClientToken(account, client);
    }

    static ApiException invalidClient() {
        return new ApiException(
                ErrorCode.INVALID_CLIENT,
                "Unknown client, wrong or expired secret, or revoked client",
                List.of(),
                Map.of("WWW-Authenticate", "Basic realm=\"factory-ops\""),
                Map.of("error", "invalid_client"));
    }

    @Transactional
    public ApiClientSecret create(Caller caller, ApiClientRequest request) {
        Set<Permission> permissions = Permission.parseAll(request.permissions(), "permissions");
        caller.requireHolds(permissions, "client '" + request.name() + "'");
        String username = ApiClientResponse.username(request.name());
        boolean taken = !em.createQuery("SELECT c.id FROM ApiClient c WHERE c.name = :name", Long.class)
                .setParameter("name", request.name())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw ApiException.alreadyExists("name", "Another API client is named " + request.name());
        }
        String clientId = "fo_" + HexFormat.of().formatHex(bytes(12));
        UserAccount account = new UserAccount(
                username,
                clientId + "@api-clients.invalid",
                "API client " + request.name(),
                passwords.hash(passwords.random()),
                Role.USER,
                caller.username());
        em.persist(account);
        flush();
        String secret = secret();
        ApiClient client = new ApiClient(
                clientId, request.name(), account.getId(), TokenService.sha256(secret), caller.username());
        client.describe(
                permissions, request.rateLimitPerMinute() == null ? DEFAULT_RATE_LIMIT : request.rateLimitPerMinute());
        em.persist(client);
        flush();
        ApiClientResponse created = ApiClientResponse.of(client);
        audit.record(AuditAction.CREATE, "api_client", client.getId(), null, created);
        return new ApiClientSecret(created, secret);
    }

    @Transactional
    public Page<ApiClientResponse> list(PageRequest page) {
        return JpaPaging.find(em, ApiClient.class, page, SORT_ATTRIBUTES, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    if (page.q() != null) {
                        where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "clientId"));
                    }
                    return where;
                })
                .map(ApiClientResponse::of);
    }

    @Transactional
    public ApiClientResponse get(long id) {
        return ApiClientResponse.of(find(id, LockModeType.NONE));
    }

    /** A new secret, shown once; the previous one works for {@code overlapMinutes} more (default 60). */
    @Transactional
    public ApiClientSecret rotate(Caller caller, long id, Long expectedVersion, Integer overlapMinutes) {
        ApiClient client = change(caller, id, expectedVersion);
        if (!client.isActive()) {
            throw new ApiException(ErrorCode.CONFLICT, "API client " + id + " is revoked; create another");
        }
        ApiClientResponse before = ApiClientResponse.of(client);
        String secret = secret();
        int overlap = overlapMinutes == null ? DEFAULT_OVERLAP_MINUTES : overlapMinutes;
        client.rotate(TokenService.sha256(secret), Instant.now().plus(Duration.ofMinutes(overlap)));
        flush();
        ApiClientResponse after = ApiClientResponse.of(client);
        audit.record(AuditAction.ROTATE_SECRET, "api_client", id, before, after);
        return new ApiClientSecret(after, secret);
    }

    /** Revokes the client: no new tokens, and its tokens stop (its service account is deactivated). */
    @Transactional
    public void revoke(Caller caller, long id, Long expectedVersion) {
        ApiClient client = change(caller, id, expectedVersion);
        if (!client.isActive()) {
            return;
        }
        ApiClientResponse before = ApiClientResponse.of(client);
        client.revoke();
        UserAccount account = em.find(UserAccount.class, client.getAccountId());
        account.deactivate();
        tokens.accountChanged(account.getId());
        flush();
        audit.record(AuditAction.DEACTIVATE, "api_client", id, before, ApiClientResponse.of(client));
    }

    private ApiClient change(Caller caller, long id, Long expectedVersion) {
        ApiClient client = find(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(client, expectedVersion, "API client");
        caller.requireHolds(client.permissions(), "client '" + client.getName() + "'");
        return client;
    }

    private ApiClient find(long id, LockModeType lock) {
        ApiClient client = em.find(ApiClient.class, id, lock);
        if (client == null) {
            throw ApiException.notFound("API client", id);
        }
        return client;
    }

    private void flush() {
        Constraints.flush(em, () -> ApiException.alreadyExists("name", "Another API client or account has this name"));
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String secret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }
}
