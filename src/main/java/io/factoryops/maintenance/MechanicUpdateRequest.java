package io.factoryops.maintenance;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mechanic as PUT replaces it: name, email and position (written to the employee and the account too);
 * {@code active}, when given, is written to the employee and the account as well (false deactivates, true
 * reactivates); when absent, none of them changes its activity.
 */
@Schema(
        example = "{\"name\": \"Sam Reyes\", \"email\": \"sam.reyes@plant.example\", "
                + "\"position\": \"Workshop lead\", \"active\": true}")
public record MechanicUpdateRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 255) String email,
        @Size(max = 100) String position,

        @Schema(
                description = "Optional: false deactivates the mechanic, its employee and its account, true "
                        + "reactivates them; absent leaves them as they are")
        Boolean active) {}
