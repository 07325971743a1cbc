package io.factoryops.production;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/** A production record as POST and PUT take it; the date defaults to today (UTC) and is never in the future. */
public record ProductionRequest(
        @NotNull @Positive Long employeeId,
        @NotNull @Positive Long productId,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @PastOrPresent LocalDate productionDate) {
}
