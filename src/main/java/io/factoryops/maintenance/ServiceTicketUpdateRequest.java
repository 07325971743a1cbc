package io.factoryops.maintenance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code PUT /api/service-tickets/{id}} replaces: the work asked for, its priority and service date, and
 * the asset (VIN, serial, make, model, year; one left out is cleared). The customer, the status, the mechanics,
 * the labour and the parts change through their own routes.
 */
@Schema(
        example = "{\"description\": \"Brakes squeal at low speed; check the rotors\", \"service_date\": "
                + "\"2026-12-02\", \"priority\": \"urgent\", \"vin\": \"1HGCM82633A004352\", \"make\": \"Honda\", "
                + "\"model\": \"Accord\", \"year\": 2003}")
public record ServiceTicketUpdateRequest(
        @NotBlank @Size(max = 2000) String description,
        @NotNull LocalDate serviceDate,

        @NotNull
        @Schema(enumeration = {"low", "normal", "high", "urgent"})
        @Pattern(regexp = "^(low|normal|high|urgent)$", message = "must be one of low, normal, high, urgent")
        String priority,

        @Schema(description = "Vehicle identification number: 17 letters and digits, no I, O or Q")
        @Pattern(
                regexp = "^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$",
                message = "must be 17 letters and digits without I, O or Q")
        String vin,

        @Size(max = 64) String serial,
        @Size(max = 60) String make,
        @Size(max = 60) String model,
        @Min(1886) @Max(2100) Integer year)
        implements TicketDetailsRequest {}
