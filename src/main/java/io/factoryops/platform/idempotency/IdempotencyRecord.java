package io.factoryops.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An idempotency key of one principal: the request's hash and, once answered, the response to replay.
 * A row without a status is a request still being processed.
 */
@Entity
@Table(name = "idempotency_keys")
@NamedQuery(
        name = "IdempotencyRecord.find",
        query = "SELECT r FROM IdempotencyRecord r WHERE r.principal = :principal AND r.key = :key")
@NamedQuery(
        name = "IdempotencyRecord.dropExpired",
        query = "DELETE FROM IdempotencyRecord r "
                + "WHERE r.principal = :principal AND r.key = :key AND r.expiresAt < :now")
public class IdempotencyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String principal;

    @Column(name = "idem_key", nullable = false)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    private Integer status;

    @Column(name = "content_type", length = 100)
    private String contentType;

    @Column(length = 500)
    private String location;

    @Column(length = 64)
    private String etag;

    @Lob
    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyRecord() {}

    IdempotencyRecord(String principal, String key, String requestHash, Instant expiresAt) {
        this.principal = principal;
        this.key = key;
        this.requestHash = requestHash;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    void complete(int status, String contentType, String location, String etag, String body) {
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.etag = etag;
        this.responseBody = body;
    }

    Long getId() {
        return id;
    }

    String getRequestHash() {
        return requestHash;
    }

    Integer getStatus() {
        return status;
    }

    String getContentType() {
        return contentType;
    }

    String getLocation() {
        return location;
    }

    String getEtag() {
        return etag;
    }

    String getResponseBody() {
        return responseBody;
    }

    boolean isExpired() {
        return Instant.now().isAfter(expiresAt);
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
