package io.factoryops.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one subscription, and how its attempts went: the delivery log. Changed by {@link DeliveryOutbox}. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    static final int ERROR_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private long subscriptionId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private long eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "latency_ms")
    private Long latencyMs;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "retry_until", nullable = false)
    private Instant retryUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookDelivery() {}

    WebhookDelivery(long subscriptionId, long eventId, Instant now, Instant retryUntil) {
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.retryUntil = retryUntil;
        this.createdAt = now;
    }

    /** Due again now, with a new retry window (manual redelivery). */
    void redeliver(Instant now, Instant retryUntil) {
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.retryUntil = retryUntil;
    }

    public Long getId() {
        return id;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public long getEventId() {
        return eventId;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public Long getLatencyMs() {
        return latencyMs;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getRetryUntil() {
        return retryUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
