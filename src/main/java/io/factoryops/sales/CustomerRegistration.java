package io.factoryops.sales;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer registering themselves: the customer record and a {@code customer} account (login by email), once
 * confirmed. No password: whoever confirms (reads the address's mail) chooses it then
 * ({@link RegistrationConfirmation}).
 */
@Schema(
        example = "{\"name\": \"Jo Driver\", \"email\": \"jo.driver@mail.example\", "
                + "\"phone\": \"+1 555 0100\", \"address\": \"3 Elm Street\"}")
public record CustomerRegistration(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 255) String email,

        @Size(max = 50) @Pattern(regexp = "^[0-9+()./ -]*$", message = "digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 500) String address) {}
