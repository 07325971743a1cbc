package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/reports/purchase-orders}: the purchase orders created in the period by status and by
 * supplier, the period's approvals and how long they took, and the orders overdue now.
 */
public record PurchaseOrderReport(
        LocalDate dateFrom,
        LocalDate dateTo,

        @Schema(description = "When the report was computed (live figures)")
        Instant asOf,

        @Schema(nullable = true, description = "The supplier filter")
        Long supplier,

        @Schema(description = "Rows of overdue at most; the totals count all")
        int limit,

        List<PurchaseOrderTotals> totals,
        List<PurchaseOrdersByStatus> byStatus,
        List<PurchaseOrdersBySupplier> bySupplier,
        List<OverduePurchaseOrder> overdue)
        implements Report {

    /** One row. */
    public record PurchaseOrderTotals(
            @Schema(description = "Purchase orders created in the period")
            long purchaseOrders,

            @Schema(multipleOf = 0.01, description = "Their total_amount")
            BigDecimal totalAmount,

            @Schema(description = "Purchase orders approved in the period (whenever created)")
            long approved,

            @Schema(
                    nullable = true,
                    multipleOf = 0.01,
                    description = "Average hours from submission to approval of those; absent when none was approved")
            BigDecimal averageApprovalHours,

            @Schema(description = "Purchase orders overdue now")
            long overdue) {}

    /** Every status, with zeros, of the purchase orders created in the period. */
    public record PurchaseOrdersByStatus(
            @Schema(
                    enumeration = {
                        "draft",
                        "pending",
                        "approved",
                        "rejected",
                        "partially_received",
                        "received",
                        "cancelled"
                    })
            String status,

            long purchaseOrders,
            @Schema(multipleOf = 0.01) BigDecimal totalAmount) {}

    /** The purchase orders created in the period per supplier, whatever their status; highest amount first. */
    public record PurchaseOrdersBySupplier(
            long supplierId,
            String supplierCode,
            String supplierName,
            long purchaseOrders,
            @Schema(multipleOf = 0.01) BigDecimal totalAmount) {}

    /**
     * Approved or partially received, expected before today (UTC), whenever created; the longest overdue
     * first.
     */
    public record OverduePurchaseOrder(
            long purchaseOrderId,
            String poNumber,
            long supplierId,
            String supplierName,

            @Schema(enumeration = {"approved", "partially_received"})
            String status,

            LocalDate expectedDate,
            long daysOverdue,
            @Schema(multipleOf = 0.01) BigDecimal totalAmount) {}

    @Override
    public Map<String, List<? extends Record>> sections() {
        Map<String, List<? extends Record>> sections = new LinkedHashMap<>();
        sections.put("totals", totals);
        sections.put("by_status", byStatus);
        sections.put("by_supplier", bySupplier);
        sections.put("overdue", overdue);
        return sections;
    }
}
