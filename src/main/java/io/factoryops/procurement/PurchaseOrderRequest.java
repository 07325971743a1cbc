package io.factoryops.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purchase order as POST and PUT take it: a supplier and 1–100 lines, each part once. */
@Schema(
        example =
                "{\"supplier_id\": 1, \"expected_date\": \"2026-12-15\", \"notes\": \"Deliver to gate 2\", "
                        + "\"lines\": [{\"item_id\": 1, \"quantity\": 100, \"unit_cost\": 2.35}, {\"item_id\": 2, \"quantity\": 20}]}")
public record PurchaseOrderRequest(
        @NotNull @Positive Long supplierId,
        LocalDate expectedDate,
        @Size(max = 2000) String notes,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    /** A part, how many, and at what unit cost (the part's unit cost when omitted). */
    public record Line(
            @NotNull @Positive Long itemId,
            @NotNull @Positive @Max(1_000_000) Integer quantity,

            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2)
            BigDecimal unitCost) {}
}
