package io.factoryops.sales;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as POST and PUT take it (PUT replaces every field). */
@Schema(
        example = "{\"name\": \"Acme Tractors Ltd\", \"email\": \"orders@acme-tractors.example\", "
                + "\"phone\": \"+44 20 7946 0958\", \"address\": \"12 Mill Lane, Leeds\"}")
public record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 255) String email,

        @Size(max = 50) @Pattern(regexp = "^[0-9+()./ -]*$", message = "digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 500) String address) {}
