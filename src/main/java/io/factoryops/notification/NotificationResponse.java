package io.factoryops.notification;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification as its recipient sees it. */
public record NotificationResponse(
        Long id,

        @Schema(
                enumeration = {
                    "LOW_STOCK",
                    "PO_AWAITING_APPROVAL",
                    "PO_APPROVED",
                    "PO_REJECTED",
                    "REPORT_READY",
                    "TICKET_STATUS_CHANGED",
                    "WEBHOOK_DISABLED"
                })
        String type,

        String title,
        String message,

        @Schema(
                nullable = true,
                enumeration = {"PRODUCT", "PART", "PURCHASE_ORDER", "SERVICE_TICKET"},
                description = "What the notification is about")
        String referenceType,

        @Schema(nullable = true, description = "The id of the product, part, purchase order or service ticket")
        Long referenceId,

        @Schema(nullable = true, description = "Low stock of a part: what to order")
        SuggestedReorder suggestedReorder,

        boolean read,

        @Schema(nullable = true, description = "When it was first read")
        Instant readAt,

        Instant createdAt) {

    /** What to order to restock: the part, its preferred supplier (if any) and its reorder quantity. */
    public record SuggestedReorder(
            long itemId, @Schema(nullable = true) Long supplierId, int quantity) {}

    static NotificationResponse of(Notification n) {
        SuggestedReorder suggestion = n.getSuggestedItemId() == null
                ? null
                : new SuggestedReorder(n.getSuggestedItemId(), n.getSuggestedSupplierId(), n.getSuggestedQuantity());
        return new NotificationResponse(
                n.getId(),
                n.getType().name(),
                n.getTitle(),
                n.getMessage(),
                n.getReferenceType() == null ? null : n.getReferenceType().name(),
                n.getReferenceId(),
                suggestion,
                n.isRead(),
                n.getReadAt(),
                n.getCreatedAt());
    }
}
