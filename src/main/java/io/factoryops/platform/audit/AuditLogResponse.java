package io.factoryops.platform.audit;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit row as the API shows it; before/after hold the changed fields. */
public record AuditLogResponse(
        Long id,
        Instant occurredAt,
        @Schema(nullable = true) String actor,
        String action,
        String entityType,
        @Schema(nullable = true) String entityId,
        @Schema(nullable = true) JsonObject before,
        @Schema(nullable = true) JsonObject after,
        @Schema(nullable = true) String ip,
        @Schema(nullable = true) String userAgent,
        @Schema(nullable = true) String requestId) {

    static AuditLogResponse of(AuditLog log) {
        return new AuditLogResponse(
                log.getId(),
                log.getOccurredAt(),
                log.getActor(),
                log.getAction(),
                log.getEntityType(),
                log.getEntityId(),
                parse(log.getBeforeState()),
                parse(log.getAfterState()),
                log.getIp(),
                log.getUserAgent(),
                log.getRequestId());
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
