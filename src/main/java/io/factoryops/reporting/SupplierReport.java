package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/reports/suppliers}: per supplier with activity in the period, what was received from it
 * (spend), how punctually, how long it took against the promised lead time, and what was rejected.
 */
public record SupplierReport(
        LocalDate dateFrom,
        LocalDate dateTo,

        @Schema(description = "When the report was computed (live figures)")
        Instant asOf,

        @Schema(nullable = true, description = "The supplier filter")
        Long supplier,

        @Schema(description = "Rows of suppliers at most (highest spend first)")
        int limit,

        List<SupplierPerformance> suppliers)
        implements Report {

    public record SupplierPerformance(
            long supplierId,
            String supplierCode,
            String supplierName,

            @Schema(nullable = true, description = "The lead time the supplier promises (days)")
            Integer leadTimeDays,

            @Schema(
                    multipleOf = 0.01,
                    description = "Value received in the period: Σ over its receipts of units "
                            + "received × the purchase-order line's unit_cost")
            BigDecimal spend,

            @Schema(description = "Purchase orders received whole in the period")
            long purchaseOrdersReceived,

            @Schema(description = "Of those with an expected date, received on or before it")
            long onTime,

            @Schema(description = "Of those received whole, with an expected date")
            long withExpectedDate,

            @Schema(
                    nullable = true,
                    multipleOf = 0.0001,
                    description = "on_time / with_expected_date (0 to 1); absent when none had an expected date")
            BigDecimal onTimeRate,

            @Schema(
                    nullable = true,
                    multipleOf = 0.01,
                    description = "Average days from approval to the last "
                            + "receipt of the purchase orders received whole in the period")
            BigDecimal averageLeadTimeDays,

            @Schema(
                    nullable = true,
                    multipleOf = 0.01,
                    description = "average_lead_time_days − lead_time_days: positive when slower than promised")
            BigDecimal leadTimeVarianceDays,

            @Schema(description = "Purchase orders rejected in the period")
            long rejectedPurchaseOrders) {}

    @Override
    public Map<String, List<? extends Record>> sections() {
        Map<String, List<? extends Record>> sections = new LinkedHashMap<>();
        sections.put("suppliers", suppliers);
        return sections;
    }
}
