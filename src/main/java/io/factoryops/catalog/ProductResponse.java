package io.factoryops.catalog;

import io.factoryops.platform.http.Versioned;
import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product as the API shows it; {@code low_stock} when the quantity is at or below the reorder level,
 * {@code stock_status} in_stock, low_stock or out_of_stock; {@code version} counts the product's changes
 * and its stock movements.
 */
public record ProductResponse(
        Long id,
        String sku,
        String name,
        @Schema(nullable = true) String description,
        @Schema(multipleOf = 0.01) BigDecimal price,
        int stockQuantity,
        int reorderLevel,
        @Schema(nullable = true) String category,
        boolean lowStock,

        @Schema(enumeration = {"in_stock", "low_stock", "out_of_stock"})
        String stockStatus,

        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static ProductResponse of(Product p) {
        StockItem stock = p.getStock();
        return new ProductResponse(
                p.getId(),
                p.getSku(),
                p.getName(),
                p.getDescription(),
                p.getPrice(),
                stock.getQuantity(),
                stock.getReorderLevel(),
                p.getCategory(),
                stock.getStatus() != StockStatus.IN_STOCK,
                stock.getStatus().value(),
                stock.isActive(),
                p.representationVersion(),
                p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
