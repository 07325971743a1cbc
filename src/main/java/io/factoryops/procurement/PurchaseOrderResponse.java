package io.factoryops.procurement;

import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.http.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purchase order as the API shows it, with the transitions its status allows. */
public record PurchaseOrderResponse(
        Long id,
        String poNumber,
        long supplierId,
        String supplierName,

        @Schema(
                enumeration = {"draft", "pending", "approved", "rejected", "partially_received", "received", "cancelled"
                })
        String status,

        @Schema(nullable = true) LocalDate expectedDate,
        @Schema(nullable = true) String notes,
        List<Line> lines,
        @Schema(multipleOf = 0.01) BigDecimal totalAmount,
        String createdBy,

        @Schema(
                description = "Who wrote the current content: the creator, or whoever replaced it since (four "
                        + "eyes: neither may approve or reject it)")
        String lastEditedBy,

        @Schema(nullable = true, description = "Who submitted the current content; null while draft")
        String submittedBy,

        @Schema(nullable = true) Instant submittedAt,
        @Schema(nullable = true) String approvedBy,
        @Schema(nullable = true) Instant approvedAt,
        @Schema(nullable = true) String rejectedBy,
        @Schema(nullable = true) Instant rejectedAt,
        @Schema(nullable = true) String rejectionReason,
        @Schema(nullable = true) Instant receivedAt,
        @Schema(nullable = true) Instant cancelledAt,

        @Schema(
                description =
                        "The transitions the status allows now: submit, approve, reject, receive, deliver, cancel")
        List<String> allowedTransitions,

        @Schema(
                enumeration = {"manager", "admin"},
                description = "The least role that may approve or reject it: "
                        + "manager up to FACTORY_PURCHASE_ORDERS_MANAGER_APPROVAL_LIMIT, admin above (four eyes apply to "
                        + "both)")
        String approvalRole,

        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    /** A line: the part, how many were ordered and received, at what cost. */
    public record Line(
            long id,
            int lineNo,
            long itemId,
            String sku,
            String name,
            int quantity,
            @Schema(multipleOf = 0.01) BigDecimal unitCost,
            @Schema(multipleOf = 0.01) BigDecimal lineTotal,
            int receivedQuantity) {}

    static PurchaseOrderResponse of(
            PurchaseOrder o, Map<Long, PartSummary> parts, String supplierName, String approvalRole) {
        List<PurchaseOrderResponse.Line> lines = o.getLines().stream()
                .map(l -> new PurchaseOrderResponse.Line(
                        l.getId(),
                        l.getLineNo(),
                        l.getPartId(),
                        parts.get(l.getPartId()).sku(),
                        parts.get(l.getPartId()).name(),
                        l.getQuantity(),
                        l.getUnitCost(),
                        l.getLineTotal(),
                        l.getReceivedQuantity()))
                .toList();
        return new PurchaseOrderResponse(
                o.getId(),
                o.getPoNumber(),
                o.getSupplierId(),
                supplierName,
                o.getStatus().value(),
                o.getExpectedDate(),
                o.getNotes(),
                lines,
                o.getTotalAmount(),
                o.getCreatedBy(),
                o.getLastEditedBy(),
                o.getSubmittedBy(),
                o.getSubmittedAt(),
                o.getApprovedBy(),
                o.getApprovedAt(),
                o.getRejectedBy(),
                o.getRejectedAt(),
                o.getRejectionReason(),
                o.getReceivedAt(),
                o.getCancelledAt(),
                o.getStatus().allowedTransitions(),
                approvalRole,
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }
}
