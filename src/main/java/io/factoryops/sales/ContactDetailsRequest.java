package io.factoryops.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer's own contact details, as they change them in the portal: name, phone and address (absent phone
 * or address is cleared). The email is the account's sign-in address and changes with it
 * ({@code PUT /api/auth/profile}), never here.
 */
@Schema(example = "{\"name\": \"Jo Driver\", \"phone\": \"+1 555 0100\", \"address\": \"3 Elm Street\"}")
public record ContactDetailsRequest(
        @NotBlank @Size(max = 200) String name,

        @Size(max = 50) @Pattern(regexp = "^[0-9+()./ -]*$", message = "digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 500) String address) {}
