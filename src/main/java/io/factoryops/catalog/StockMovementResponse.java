package io.factoryops.catalog;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ledger row as the API shows it. */
public record StockMovementResponse(
        Long id,
        long productId,
        int delta,
        int quantityAfter,
        @Schema(enumeration = {"INITIAL", "ORDER", "ORDER_CANCELLED", "PRODUCTION", "PRODUCTION_CHANGED",
                "PRODUCTION_DELETED", "ADJUSTMENT"}) String reason,
        @Schema(nullable = true) String referenceType,
        @Schema(nullable = true) Long referenceId,
        @Schema(nullable = true) String note,
        @Schema(nullable = true) String actor,
        @Schema(nullable = true) String requestId,
        Instant occurredAt) {

    static StockMovementResponse of(StockMovement m) {
        return new StockMovementResponse(m.getId(), m.getProductId(), m.getDelta(), m.getQuantityAfter(),
                m.getReason().name(), m.getReferenceType(), m.getReferenceId(), m.getNote(), m.getActor(),
                m.getRequestId(), m.getOccurredAt());
    }

    /** Another person's movement as a caller below admin sees it: no actor, no request id, no order id. */
    static StockMovementResponse anonymised(StockMovement m) {
        boolean sale = m.getReason() == StockReason.ORDER || m.getReason() == StockReason.ORDER_CANCELLED;
        return new StockMovementResponse(m.getId(), m.getProductId(), m.getDelta(), m.getQuantityAfter(),
                m.getReason().name(), m.getReferenceType(), sale ? null : m.getReferenceId(), m.getNote(), null,
                null, m.getOccurredAt());
    }
}
