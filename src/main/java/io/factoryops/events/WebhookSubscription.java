package io.factoryops.events;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A webhook subscription: where to post which events, signed with which secret. Disabled (not deleted) when it has
 * failed for too long; the admin enables it again with a PUT.
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends VersionedEntity {

    @Column(nullable = false, length = UrlPolicy.MAX_LENGTH)
    private String url;

    @Column(length = 200)
    private String description;

    @Column(name = "event_types", nullable = false, length = 1000)
    private String eventTypes;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_by", nullable = false, updatable = false, length = 50)
    private String createdBy;

    protected WebhookSubscription() {}

    WebhookSubscription(String createdBy, String secret) {
        this.createdBy = createdBy;
        this.secret = secret;
        this.active = true;
    }

    void describe(String url, List<String> eventTypes, String description, boolean active) {
        this.url = url;
        this.eventTypes = String.join(",", eventTypes);
        this.description = description;
        if (active && !this.active) {
            this.failingSince = null;
            this.disabledReason = null;
        }
        this.active = active;
    }

    /** A new secret; the current one still signs until {@code previousUntil} (null: it stops now). */
    void rotate(String newSecret, Instant previousUntil) {
        this.previousSecret = previousUntil == null ? null : secret;
        this.previousSecretExpiresAt = previousUntil;
        this.secret = newSecret;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    Instant previousSecretValidUntil(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecretExpiresAt
                : null;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getEventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean isActive() {
        return active;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    String getSecret() {
        return secret;
    }
}
