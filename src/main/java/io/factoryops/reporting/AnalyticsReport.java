package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/reports/analytics}: sales per day, week or month, the top products and customers, and the
 * production per product over the period. Sales and production come from the analytics summaries (as of
 * {@code as_of}); the top products and customers are live.
 */
public record AnalyticsReport(
        LocalDate dateFrom,
        LocalDate dateTo,

        @Schema(
                nullable = true,
                description = "When the analytics summaries (sales, production, totals) were last "
                        + "computed; absent before the first refresh. top_products and top_customers are live.")
        Instant asOf,

        @Schema(enumeration = {"day", "week", "month"}) String granularity,

        @Schema(description = "Rows of top_products, top_customers and production at most")
        int limit,

        List<AnalyticsTotals> totals,
        List<SalesPeriod> sales,
        List<TopSellingProduct> topProducts,
        List<TopCustomer> topCustomers,
        List<ProductionPerProduct> production)
        implements Report {

    /** One row, from the summaries. */
    public record AnalyticsTotals(
            long orders,
            long unitsSold,

            @Schema(multipleOf = 0.01, description = "Order totals, tax included")
            BigDecimal revenue,

            long unitsProduced) {}

    /** One bucket with sales (buckets without any are left out), from the daily sales summary. */
    public record SalesPeriod(
            @Schema(
                    description = "The bucket's first day (a Monday for weeks; bounded by the period's first day "
                            + "only in what it sums)")
            LocalDate periodStart,

            long orders,
            long units,

            @Schema(multipleOf = 0.01, description = "Order totals, tax included")
            BigDecimal revenue) {}

    /** Units sold in the period's orders that are not cancelled (live). */
    public record TopSellingProduct(
            long productId,
            String productName,
            long unitsSold,

            @Schema(multipleOf = 0.01, description = "Σ line_total, before tax")
            BigDecimal revenue) {}

    /** The period's orders that are not cancelled, per customer (live). */
    public record TopCustomer(
            long customerId,
            String customerName,
            long orders,

            @Schema(multipleOf = 0.01, description = "Order totals, tax included")
            BigDecimal totalValue) {}

    /** From the daily production summary. */
    public record ProductionPerProduct(long productId, String productName, long unitsProduced) {}

    @Override
    public Map<String, List<? extends Record>> sections() {
        Map<String, List<? extends Record>> sections = new LinkedHashMap<>();
        sections.put("totals", totals);
        sections.put("sales", sales);
        sections.put("top_products", topProducts);
        sections.put("top_customers", topCustomers);
        sections.put("production", production);
        return sections;
    }
}
