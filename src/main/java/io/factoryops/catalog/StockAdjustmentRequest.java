package io.factoryops.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"delta","reason"}}: a counted correction; the reason is free text kept in the ledger. */
@Schema(example = "{\"delta\": -2, \"reason\": \"Damaged in the warehouse\"}")
public record StockAdjustmentRequest(
        @NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta,
        @NotBlank @Size(max = 500) String reason) {}
