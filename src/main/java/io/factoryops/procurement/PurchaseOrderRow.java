package io.factoryops.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A purchase order as one flat row of an export: its supplier, status, dates and total, no lines (the
 * lines are {@code GET /api/purchase-orders/{id}}).
 */
public record PurchaseOrderRow(
        long id,
        String poNumber,
        long supplierId,
        String supplierName,
        String status,
        LocalDate expectedDate,
        BigDecimal totalAmount,
        String createdBy,
        Instant submittedAt,
        String approvedBy,
        Instant approvedAt,
        Instant receivedAt,
        Instant cancelledAt,
        Instant createdAt) {

    static PurchaseOrderRow of(PurchaseOrder o, String supplierName) {
        return new PurchaseOrderRow(
                o.getId(),
                o.getPoNumber(),
                o.getSupplierId(),
                supplierName,
                o.getStatus().value(),
                o.getExpectedDate(),
                o.getTotalAmount(),
                o.getCreatedBy(),
                o.getSubmittedAt(),
                o.getApprovedBy(),
                o.getApprovedAt(),
                o.getReceivedAt(),
                o.getCancelledAt(),
                o.getCreatedAt());
    }
}
