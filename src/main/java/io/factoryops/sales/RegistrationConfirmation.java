package io.factoryops.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The token of a registration's confirmation mail, and the password of the account it creates: chosen here, by
 * whoever holds the token (reads the address's mail), never at the registration.
 */
@Schema(example = "{\"token\": \"q0Xk3v9Jm2yq3HwOZsb1yT0VZ7x2cKQe5dD8uR4nL6o\", \"password\": \"Sturdy-Passw0rd-42\"}")
public record RegistrationConfirmation(
        @NotBlank @Size(max = 100) String token,
        @NotBlank @Size(max = 128) String password) {}
