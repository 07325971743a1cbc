package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new account (register). The password must meet the password policy. */
public record UserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "must be 3 to 50 letters, digits, '.', '_' or '-'")
        String username,
        @NotBlank @Email @Size(max = 255) String email,
        @NotBlank @Size(max = 128) String password,
        @Size(max = 100) String fullName,
        @NotBlank String role,
        @Positive Long employeeId,
        @Positive Long customerId) {
}
