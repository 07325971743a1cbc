package io.factoryops.platform.audit;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** An audit row as the API shows it; before/after hold the changed fields. */
public record AuditLogResponse(
        Long id,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        JsonObject before,
        JsonObject after,
        String ip,
        String userAgent,
        String requestId) {

    static AuditLogResponse of(AuditLog log) {
        return new AuditLogResponse(log.getId(), log.getOccurredAt(), log.getActor(), log.getAction(),
                log.getEntityType(), log.getEntityId(), parse(log.getBeforeState()), parse(log.getAfterState()),
                log.getIp(), log.getUserAgent(), log.getRequestId());
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
