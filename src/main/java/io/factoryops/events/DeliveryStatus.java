package io.factoryops.events;

/** Where a webhook delivery is. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, or being attempted. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up: no 2xx within the retry window (factory.webhooks.retry-hours). */
    FAILED
}
