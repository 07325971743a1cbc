package io.factoryops.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event in CloudEvents 1.0's JSON format (structured mode): what the feed lists and what a webhook delivery
 * posts. {@code source} + {@code subject} is the resource's path ({@code /api/orders} + {@code 42}).
 */
@Schema(description = "A CloudEvents 1.0 event (JSON format)")
public record CloudEvent(
        @Schema(description = "CloudEvents version", enumeration = "1.0")
        String specversion,

        @Schema(description = "Unique per event: de-duplicate by it (webhook-id carries the same)")
        String id,

        @Schema(description = "The resource's collection, e.g. /api/orders")
        String source,

        @Schema(description = "The event type, e.g. order.placed")
        String type,

        @Schema(description = "The resource's id in its collection")
        String subject,

        @Schema(description = "When the change happened (UTC)")
        Instant time,

        @Schema(enumeration = "application/json") String datacontenttype,

        @Schema(description = "The resource as the API answers it after the change (snake_case)")
        JsonObject data) {

    static final String SPEC_VERSION = "1.0";

    static CloudEvent of(StoredEvent e) {
        JsonObject data;
        try (var reader = Json.createReader(new StringReader(e.getPayload()))) {
            data = reader.readObject();
        }
        return new CloudEvent(
                SPEC_VERSION,
                e.getEventId(),
                e.getSource(),
                e.getType(),
                e.getSubject(),
                e.getOccurredAt(),
                "application/json",
                data);
    }
}
