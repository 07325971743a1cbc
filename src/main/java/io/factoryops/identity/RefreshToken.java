package io.factoryops.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token, stored as its SHA-256 hash. Tokens of one login form a family: each use marks
 * the token used and issues its successor; using a used token again revokes the whole family.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = "RefreshToken.findByHash", query = "SELECT r FROM RefreshToken r WHERE r.tokenHash = :hash")
@NamedQuery(
        name = "RefreshToken.markUsed",
        query = "UPDATE RefreshToken r SET r.usedAt = :now "
                + "WHERE r.id = :id AND r.usedAt IS NULL AND r.revokedAt IS NULL")
@NamedQuery(
        name = "RefreshToken.revokeFamily",
        query = "UPDATE RefreshToken r SET r.revokedAt = :now WHERE r.familyId = :family AND r.revokedAt IS NULL")
@NamedQuery(
        name = "RefreshToken.revokeUser",
        query = "UPDATE RefreshToken r SET r.revokedAt = :now WHERE r.userId = :userId AND r.revokedAt IS NULL")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RefreshToken() {}

    RefreshToken(Long userId, String tokenHash, String familyId, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getFamilyId() {
        return familyId;
    }

    public boolean isExpired() {
        return Instant.now().isAfter(expiresAt);
    }
}
