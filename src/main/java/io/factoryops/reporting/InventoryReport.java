package io.factoryops.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/reports/inventory}: what the stock is worth and where, what to reorder, how stock moved in
 * the period and what does not move. Stock figures (values, low and out of stock, slow movers) are the stock
 * now ({@code as_of}); movements are the period's.
 */
public record InventoryReport(
        LocalDate dateFrom,
        LocalDate dateTo,

        @Schema(description = "When the report was computed; the stock figures are the stock at this moment")
        Instant asOf,

        @Schema(nullable = true, description = "The category filter (its subtree included)")
        Long category,

        @Schema(nullable = true, description = "The location filter (its subtree included)")
        Long location,

        @Schema(description = "Slow movers: parts in stock with no movement in this many days")
        int slowDays,

        @Schema(description = "Rows per list at most (low_stock, out_of_stock, slow_movers); the totals count all")
        int limit,

        List<InventoryTotals> totals,
        List<ValueByCategory> byCategory,
        List<ValueByLocation> byLocation,
        List<ReorderLine> lowStock,
        List<ReorderLine> outOfStock,
        List<MovementsByReason> movements,
        List<SlowMover> slowMovers)
        implements Report {

    /** One row: the whole selection. */
    public record InventoryTotals(
            @Schema(description = "Parts, active or not") long parts,
            @Schema(description = "Units in stock") long units,

            @Schema(multipleOf = 0.01, description = "Σ quantity × unit_cost")
            BigDecimal stockValue,

            @Schema(description = "Active parts at or below their reorder level, with stock left")
            long lowStockParts,

            @Schema(description = "Active parts with no stock")
            long outOfStockParts,

            @Schema(description = "Active parts in stock without a movement in slow_days days")
            long slowMovers,

            @Schema(description = "Ledger rows of the period")
            long movements) {}

    /** The parts of one category node (not its subtree: add the rows whose path starts with a node's). */
    public record ValueByCategory(
            @Schema(nullable = true, description = "Absent for parts without a category")
            Long categoryId,

            @Schema(nullable = true, description = "The category's path from its root")
            String categoryPath,

            long parts,
            long units,
            @Schema(multipleOf = 0.01) BigDecimal stockValue) {}

    /** The parts kept at one location node (not its subtree). */
    public record ValueByLocation(
            @Schema(nullable = true, description = "Absent for parts without a location")
            Long locationId,

            @Schema(nullable = true, description = "The location's path of codes from its root")
            String locationPath,

            long parts,
            long units,
            @Schema(multipleOf = 0.01) BigDecimal stockValue) {}

    /** A part to reorder, with the quantity the low-stock notification suggests too. */
    public record ReorderLine(
            long partId,
            String sku,
            String name,
            int quantity,
            int reorderLevel,
            int reorderQuantity,

            @Schema(description = "reorder_quantity, or without one enough to reach twice the reorder level")
            int suggestedQuantity,

            @Schema(nullable = true) Long preferredSupplierId,
            @Schema(multipleOf = 0.01) BigDecimal unitCost,

            @Schema(multipleOf = 0.01, description = "suggested_quantity × unit_cost")
            BigDecimal suggestedValue) {}

    public record MovementsByReason(
            @Schema(description = "The ledger's reason, e.g. PURCHASE_RECEIPT, CONSUMPTION, ADJUSTMENT")
            String reason,

            long movements,
            @Schema(description = "Units added") long unitsIn,
            @Schema(description = "Units taken") long unitsOut) {}

    public record SlowMover(
            long partId,
            String sku,
            String name,
            int quantity,
            @Schema(multipleOf = 0.01) BigDecimal stockValue,

            @Schema(nullable = true, description = "The part's last ledger row")
            Instant lastMovementAt) {}

    @Override
    public Map<String, List<? extends Record>> sections() {
        Map<String, List<? extends Record>> sections = new LinkedHashMap<>();
        sections.put("totals", totals);
        sections.put("by_category", byCategory);
        sections.put("by_location", byLocation);
        sections.put("low_stock", lowStock);
        sections.put("out_of_stock", outOfStock);
        sections.put("movements", movements);
        sections.put("slow_movers", slowMovers);
        return sections;
    }
}
