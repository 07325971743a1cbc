package io.factoryops.stock;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ledger row as the API shows it: {@code product_id} for a product's row, {@code item_id} for a
 * part's.
 */
public record StockMovementResponse(
        Long id,

        @Schema(nullable = true, description = "The product, on a product's ledger")
        Long productId,

        @Schema(nullable = true, description = "The part, on a part's ledger")
        Long itemId,

        int delta,
        int quantityBefore,
        int quantityAfter,

        @Schema(
                enumeration = {
                    "INITIAL",
                    "ORDER",
                    "ORDER_CHANGED",
                    "ORDER_CANCELLED",
                    "PRODUCTION",
                    "PRODUCTION_CHANGED",
                    "PRODUCTION_DELETED",
                    "PRODUCTION_CONSUMPTION",
                    "ADJUSTMENT",
                    "PURCHASE_RECEIPT",
                    "RECEIPT",
                    "COUNT",
                    "DAMAGE",
                    "RETURN",
                    "CONSUMPTION",
                    "SERVICE_TICKET",
                    "SERVICE_TICKET_RETURNED"
                })
        String reason,

        @Schema(
                nullable = true,
                enumeration = {"ORDER", "PRODUCTION_RECORD", "PURCHASE_ORDER_RECEIPT", "SERVICE_TICKET"})
        String referenceType,

        @Schema(nullable = true) Long referenceId,
        @Schema(nullable = true) String note,
        @Schema(nullable = true) String actor,
        @Schema(nullable = true) String requestId,
        Instant occurredAt) {

    static StockMovementResponse of(StockItem item, StockMovement m) {
        return of(item, m, true);
    }

    /** Another person's movement as a caller below admin sees it: no actor, no request id, no order id. */
    static StockMovementResponse anonymised(StockItem item, StockMovement m) {
        return of(item, m, false);
    }

    private static StockMovementResponse of(StockItem item, StockMovement m, boolean whole) {
        boolean hidesReference = !whole && m.getReferenceType() == StockReferenceType.ORDER;
        return new StockMovementResponse(
                m.getId(),
                ownerIf(item, StockItemKind.PRODUCT),
                ownerIf(item, StockItemKind.PART),
                m.getDelta(),
                m.getQuantityBefore(),
                m.getQuantityAfter(),
                m.getReason().name(),
                referenceType(m),
                hidesReference ? null : m.getReferenceId(),
                m.getNote(),
                whole ? m.getActor() : null,
                whole ? m.getRequestId() : null,
                m.getOccurredAt());
    }

    private static Long ownerIf(StockItem item, StockItemKind kind) {
        return item.getKind() == kind ? item.getOwnerId() : null;
    }

    private static String referenceType(StockMovement m) {
        return m.getReferenceType() == null ? null : m.getReferenceType().name();
    }
}
