package io.factoryops.catalog;

import io.factoryops.stock.StockOwnerRequest;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product as POST and PUT take it. {@code stock_quantity} is the initial stock at creation; on PUT
 * it may be omitted or repeat the current value (stock changes go through adjust-stock).
 * {@code active} false takes it out of sale.
 */
@Schema(
        example = "{\"sku\": \"GBX-200\", \"name\": \"Gearbox 200\", "
                + "\"description\": \"Two-stage helical gearbox\", \"price\": 249.90, "
                + "\"stock_quantity\": 40, \"reorder_level\": 10, \"category\": \"Drives\"}")
public record ProductRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[A-Za-z0-9._/-]+$", message = "letters, digits, '.', '_', '/' or '-'")
        String sku,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,

        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2)
        BigDecimal price,

        @PositiveOrZero @Max(1_000_000_000) Integer stockQuantity,
        @PositiveOrZero @Max(1_000_000_000) Integer reorderLevel,
        @Size(max = 100) String category,

        @Schema(
                description = "false: no longer sold (orders refuse it); a product with stock movements is "
                        + "deactivated, never deleted. Omitted: true on create, unchanged on replace.")
        Boolean active)
        implements StockOwnerRequest {}
