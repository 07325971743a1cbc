package io.factoryops.identity;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A machine that signs in with the client credentials grant: its public client id, the hash of its secret (and,
 * for a while after a rotation, of the previous one), its own permissions and request limit, and the service
 * account it acts through. Revoking it deactivates that account, which stops its tokens.
 */
@Entity
@Table(name = "api_clients")
@NamedQuery(name = "ApiClient.byClientId", query = "SELECT c FROM ApiClient c WHERE c.clientId = :clientId")
public class ApiClient extends VersionedEntity {

    @Column(name = "client_id", nullable = false, unique = true, length = 40, updatable = false)
    private String clientId;

    @Column(nullable = false, unique = true, length = 40)
    private String name;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "previous_secret_hash", length = 64)
    private String previousSecretHash;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(name = "rate_limit_per_minute", nullable = false)
    private int rateLimitPerMinute;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "created_by", updatable = false, length = 50)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_client_permissions", joinColumns = @JoinColumn(name = "api_client_id"))
    @Column(name = "permission", nullable = false, length = 60)
    private Set<String> permissions = new HashSet<>();

    protected ApiClient() {}

    ApiClient(String clientId, String name, long accountId, String secretHash, String createdBy) {
        this.clientId = clientId;
        this.name = name;
        this.accountId = accountId;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.active = true;
    }

    void describe(Collection<Permission> permissions, int rateLimitPerMinute) {
        this.permissions.clear();
        this.permissions.addAll(Permission.names(permissions));
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    /** A new secret; the current one keeps working until {@code previousUntil} (now or earlier: not at all). */
    void rotate(String newSecretHash, Instant previousUntil) {
        this.previousSecretHash = secretHash;
        this.previousSecretExpiresAt = previousUntil;
        this.secretHash = newSecretHash;
    }

    /** Whether this secret (its SHA-256 hash) is the client's, or its previous one within the overlap. */
    boolean accepts(String presentedHash, Instant now) {
        boolean current = equal(secretHash, presentedHash);
        boolean previous = previousSecretHash != null
                && previousSecretExpiresAt != null
                && now.isBefore(previousSecretExpiresAt)
                && equal(previousSecretHash, presentedHash);
        return active && (current | previous);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    void revoke() {
        this.active = false;
    }

    void used(Instant when) {
        this.lastUsedAt = when;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public long getAccountId() {
        return accountId;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    /** Until when the previous secret works, if it still does at {@code now}; else null. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? previousSecretExpiresAt
                : null;
    }

    public Set<Permission> permissions() {
        return Permission.parseAll(permissions, "permissions");
    }
}
