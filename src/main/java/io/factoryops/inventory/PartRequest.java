package io.factoryops.inventory;

import io.factoryops.stock.StockOwnerRequest;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A part as POST and PUT take it. Its quantity is not part of it: a new part starts at 0 and stock
 * moves through add-stock, remove-stock and receipts; a {@code quantity} sent on PUT must repeat the
 * current one (409 otherwise).
 */
@Schema(
        example = "{\"sku\": \"SEAL-40\", \"name\": \"Shaft seal 40 mm\", \"description\": \"NBR, 40x62x8\", "
                + "\"category_id\": 1, \"location_id\": 3, \"unit\": \"pcs\", \"unit_cost\": 2.35, \"reorder_level\": 20, "
                + "\"reorder_quantity\": 100, \"preferred_supplier_id\": 1, \"active\": true}")
public record PartRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[A-Za-z0-9._/-]+$", message = "letters, digits, '.', '_', '/' or '-'")
        String sku,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Positive Long categoryId,
        @Positive Long locationId,

        @Size(max = 16)
        @Pattern(regexp = "^[A-Za-z0-9.²³/ -]+$", message = "a short unit such as pcs, kg, m, l")
        @Schema(description = "Unit of measure; pcs when omitted")
        String unit,

        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2)
        BigDecimal unitCost,

        @PositiveOrZero @Max(1_000_000_000) Integer reorderLevel,
        @PositiveOrZero @Max(1_000_000_000) Integer reorderQuantity,
        @Positive Long preferredSupplierId,

        @Schema(
                description = "false: no longer bought or used; a part with stock movements is deactivated, never "
                        + "deleted. Omitted: true on create, unchanged on replace.")
        Boolean active,

        @PositiveOrZero
        @Max(Integer.MAX_VALUE)
        @Schema(
                description = "Read-only: may repeat the current quantity on PUT; stock moves through add-stock "
                        + "and remove-stock")
        Integer quantity)
        implements StockOwnerRequest {}
