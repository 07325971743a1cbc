package io.factoryops.maintenance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Hours of work to add for a mechanic on the ticket (0.01 to 24 at a time, two decimals). A mechanic
 * records their own hours: {@code mechanic_id} may then be left out.
 */
@Schema(example = "{\"mechanic_id\": 1, \"hours\": 1.5}")
public record LabourRequest(
        @Positive Long mechanicId,

        @NotNull @DecimalMin("0.01") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
        BigDecimal hours) {}
