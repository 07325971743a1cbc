package io.factoryops.maintenance;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new mechanic: the employee and the {@code mechanic} account created with it. */
@Schema(
        example = "{\"name\": \"Sam Reyes\", \"email\": \"sam.reyes@plant.example\", \"username\": \"sreyes\", "
                + "\"password\": \"Sturdy-Passw0rd-42\", \"position\": \"Senior mechanic\"}")
public record MechanicRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 255) String email,

        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9._-]{3,50}$", message = "must be 3 to 50 letters, digits, '.', '_' or '-'")
        String username,

        @NotBlank @Size(max = 128) String password,
        @Size(max = 100) String position) {}
