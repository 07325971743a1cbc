package io.factoryops.reporting;

import static io.factoryops.analytics.AnalyticsResponses.AS_OF;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dashboard shows. */
public final class DashboardResponses {

    private DashboardResponses() {}

    public record Counts(long products, long customers, long activeEmployees, long orders) {}

    public record Today(
            LocalDate date,
            long unitsProduced,
            long orders,
            long unitsSold,
            @Schema(multipleOf = 0.01) BigDecimal revenue) {}

    @Schema(
            description = "Parts and purchasing. Live: open_purchase_orders, purchase_orders_awaiting_approval. "
                    + "As of as_of (the last analytics refresh): parts, stock_value, low_stock_parts, out_of_stock_parts, "
                    + "spend_this_month.")
    public record Inventory(
            @Schema(description = "Active parts (as of as_of).")
            long parts,

            @Schema(
                    multipleOf = 0.01,
                    description = "Σ quantity × unit_cost over all parts, active or not (as of as_of).")
            BigDecimal stockValue,

            @Schema(description = "Active parts at or below their reorder level, with stock left (as of as_of).")
            long lowStockParts,

            @Schema(description = "Active parts with no stock (as of as_of).")
            long outOfStockParts,

            @Schema(description = "Purchase orders approved or partially_received (live).")
            long openPurchaseOrders,

            @Schema(description = "Purchase orders pending approval (live).")
            long purchaseOrdersAwaitingApproval,

            @Schema(
                    multipleOf = 0.01,
                    description = "Value received this calendar month (UTC): Σ over the month's "
                            + "purchase-order receipts of units received × the unit_cost of their purchase-order line "
                            + "(as of as_of; 0.00 when as_of is in an earlier month).")
            BigDecimal spendThisMonth,

            @Schema(
                    nullable = true,
                    description =
                            "When parts, stock_value, low_stock_parts, out_of_stock_parts and "
                                    + "spend_this_month were computed (the analytics refresh); absent before the first refresh.")
            Instant asOf) {}

    /** Service tickets now: open or in progress, and completed today (UTC); live, not from the summaries. */
    public record ServiceTickets(long open, long completedToday) {}

    public record Summary(
            Counts counts,
            Today today,
            long openOrders,
            long lowStockProducts,
            Inventory inventory,
            ServiceTickets serviceTickets,
            @Schema(nullable = true, description = AS_OF) Instant asOf) {}

    public record Metrics(
            LocalDate dateFrom,
            LocalDate dateTo,
            @Schema(multipleOf = 0.01) BigDecimal revenue,
            long orders,
            long unitsSold,
            long unitsProduced,
            @Schema(multipleOf = 0.01) BigDecimal averageOrderValue,
            long activeEmployees,
            @Schema(multipleOf = 0.01) BigDecimal productionPerEmployee,
            @Schema(nullable = true, description = AS_OF) Instant asOf) {}
}
