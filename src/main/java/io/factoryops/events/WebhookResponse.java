package io.factoryops.events;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as the API shows it; never its secret (shown once, by {@link WebhookSecret}). */
public record WebhookResponse(
        Long id,
        String url,
        List<String> eventTypes,
        @Schema(nullable = true) String description,
        boolean active,

        @Schema(nullable = true, description = "Why it was disabled (it failed for too long)")
        String disabledReason,

        @Schema(nullable = true, description = "The first failure since the last success")
        Instant failingSince,

        @Schema(nullable = true, description = "Until when the previous secret still signs, after a rotation")
        Instant previousSecretValidUntil,

        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static WebhookResponse of(WebhookSubscription s) {
        return new WebhookResponse(
                s.getId(),
                s.getUrl(),
                s.getEventTypes(),
                s.getDescription(),
                s.isActive(),
                s.getDisabledReason(),
                s.getFailingSince(),
                s.previousSecretValidUntil(Instant.now()),
                s.getCreatedBy(),
                s.getVersion(),
                s.getCreatedAt(),
                s.getUpdatedAt());
    }
}
