package io.factoryops.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token of a registration's confirmation mail. */
@Schema(example = "{\"token\": \"q0Xk3v9Jm2yq3HwOZsb1yT0VZ7x2cKQe5dD8uR4nL6o\"}")
public record RegistrationConfirmation(@NotBlank @Size(max = 100) String token) {
}
