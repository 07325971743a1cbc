package io.factoryops.inventory;

import io.factoryops.platform.http.Versioned;
import io.factoryops.stock.StockItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A part as the API shows it: its description, its stock ({@code quantity}, {@code status} in_stock,
 * low_stock or out_of_stock, {@code stock_value} = quantity × unit_cost) and a {@code version} that counts
 * the part's changes and its stock movements.
 */
public record PartResponse(
        Long id,
        String sku,
        String name,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) Long categoryId,
        @Schema(nullable = true) Long locationId,
        String unit,
        int quantity,
        @Schema(multipleOf = 0.01) BigDecimal unitCost,
        @Schema(multipleOf = 0.01) BigDecimal stockValue,
        int reorderLevel,
        int reorderQuantity,
        @Schema(nullable = true) Long preferredSupplierId,

        @Schema(enumeration = {"in_stock", "low_stock", "out_of_stock"})
        String status,

        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static PartResponse of(Part p) {
        StockItem stock = p.getStock();
        return new PartResponse(
                p.getId(),
                p.getSku(),
                p.getName(),
                p.getDescription(),
                p.getCategoryId(),
                p.getLocationId(),
                p.getUnit(),
                stock.getQuantity(),
                p.getUnitCost(),
                p.getUnitCost()
                        .multiply(BigDecimal.valueOf(stock.getQuantity()))
                        .setScale(2, RoundingMode.HALF_UP),
                stock.getReorderLevel(),
                p.getReorderQuantity(),
                p.getPreferredSupplierId(),
                stock.getStatus().value(),
                stock.isActive(),
                p.representationVersion(),
                p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
