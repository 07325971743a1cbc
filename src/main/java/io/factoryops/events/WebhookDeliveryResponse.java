package io.factoryops.events;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a subscription's delivery log. */
public record WebhookDeliveryResponse(
        Long id,

        @Schema(description = "The event's id: the webhook-id header, for de-duplication")
        String eventId,

        String eventType,

        @Schema(enumeration = {"pending", "delivered", "failed"})
        String status,

        @Schema(description = "Calls made so far") int attempts,

        @Schema(nullable = true, description = "The receiver's status code of the last call")
        Integer responseStatus,

        @Schema(nullable = true, description = "How long the last call took")
        Long latencyMs,

        @Schema(nullable = true) String lastError,

        @Schema(nullable = true) Instant lastAttemptAt,

        @Schema(nullable = true, description = "When it is tried next (pending only)")
        Instant nextAttemptAt,

        @Schema(nullable = true) Instant deliveredAt,

        @Schema(description = "Retried until then, then failed")
        Instant retryUntil,

        Instant createdAt) {

    static WebhookDeliveryResponse of(WebhookDelivery d, StoredEvent event) {
        return new WebhookDeliveryResponse(
                d.getId(),
                event.getEventId(),
                event.getType(),
                d.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                d.getAttempts(),
                d.getResponseStatus(),
                d.getLatencyMs(),
                d.getLastError(),
                d.getLastAttemptAt(),
                d.getStatus() == DeliveryStatus.PENDING ? d.getNextAttemptAt() : null,
                d.getDeliveredAt(),
                d.getRetryUntil(),
                d.getCreatedAt());
    }
}
