package io.factoryops.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"quantity","reason","note"}}: a manual move of a part's stock, in or out. */
@Schema(example = "{\"quantity\": 5, \"reason\": \"RECEIPT\", \"note\": \"Delivered without a PO\"}")
public record PartStockRequest(
        @NotNull @Positive @Max(1_000_000) Integer quantity,

        @Pattern(
                regexp = "^(ADJUSTMENT|RECEIPT|COUNT|DAMAGE|RETURN|CONSUMPTION)$",
                message = "one of ADJUSTMENT, RECEIPT, COUNT, DAMAGE, RETURN, CONSUMPTION")
        @Schema(
                description = "Why; ADJUSTMENT when omitted",
                enumeration = {"ADJUSTMENT", "RECEIPT", "COUNT", "DAMAGE", "RETURN", "CONSUMPTION"})
        String reason,

        @Size(max = 500) String note) {}
