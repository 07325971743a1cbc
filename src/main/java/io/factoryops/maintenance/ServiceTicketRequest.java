package io.factoryops.maintenance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new service ticket: the customer (staff; a customer's own), the asset (a VIN of 17 characters without I, O and Q, and/or a serial
 * number, make, model, year), the work asked for, its priority (default normal) and service date (default
 * today, UTC).
 */
@Schema(
        example = "{\"customer_id\": 1, \"description\": \"Brakes squeal at low speed\", "
                + "\"service_date\": \"2026-12-01\", \"priority\": \"high\", \"vin\": \"1HGCM82633A004352\", "
                + "\"make\": \"Honda\", \"model\": \"Accord\", \"year\": 2003}")
public record ServiceTicketRequest(
        @Schema(description = "Staff only, required for them; a customer opens tickets for themselves") @Positive
        Long customerId,

        @NotBlank @Size(max = 2000) String description,
        LocalDate serviceDate,

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
