package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new account (register). The password must meet the password policy. */
@Schema(
        example = "{\"username\": \"m.lopez\", \"email\": \"maria.lopez@plant.example\", "
                + "\"password\": \"Sturdy-Passw0rd-42\", \"full_name\": \"Maria Lopez\", "
                + "\"role\": \"manager\", \"employee_id\": 1}")
public record UserRequest(
        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9._-]{3,50}$", message = "must be 3 to 50 letters, digits, '.', '_' or '-'")
        String username,

        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(max = 128) String password,
        @Size(max = 100) String fullName,

        @NotBlank @Schema(enumeration = {"super_admin", "admin", "manager", "user", "mechanic", "customer"})
        String role,

        @Positive Long employeeId,
        @Positive Long customerId) {}
