package io.factoryops.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as the API shows it; {@code low_stock} when the quantity is at or below the reorder level. */
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
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static ProductResponse of(Product p) {
        return new ProductResponse(p.getId(), p.getSku(), p.getName(), p.getDescription(), p.getPrice(),
                p.getStockQuantity(), p.getReorderLevel(), p.getCategory(),
                p.getStockQuantity() <= p.getReorderLevel(), p.getVersion(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
