package io.factoryops.production;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A production record as POST and PUT take it; the date defaults to today (UTC) and is never in the future. */
@Schema(example = "{\"employee_id\": 1, \"product_id\": 1, \"quantity\": 25, \"production_date\": \"2026-11-25\"}")
public record ProductionRequest(
        @NotNull @Positive Long employeeId,
        @NotNull @Positive Long productId,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @PastOrPresent LocalDate productionDate) {}
