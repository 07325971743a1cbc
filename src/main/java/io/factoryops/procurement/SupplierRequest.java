package io.factoryops.procurement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A supplier as POST and PUT take it (PUT replaces every field; {@code active} defaults to true). The
 * code is stored in upper case and is unique ignoring case; the email in lower case.
 */
@Schema(
        example = "{\"name\": \"Hydraulik Nord GmbH\", \"code\": \"HYD-NORD\", \"contact\": \"Jana Weber\", "
                + "\"email\": \"orders@hydraulik-nord.example\", \"phone\": \"+49 40 1234567\", "
                + "\"address\": \"Hafenstrasse 7, Hamburg\", \"lead_time_days\": 14, \"payment_terms\": \"Net 30\", "
                + "\"active\": true}")
public record SupplierRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank
        @Size(max = 32)
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "letters, digits, '.', '_' or '-', starting with a letter or digit")
        String code,

        @Size(max = 100) String contact,
        @Email @Size(max = 255) String email,

        @Size(max = 50) @Pattern(regexp = "^[0-9+()./ -]*$", message = "digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 500) String address,
        @PositiveOrZero @Max(Supplier.MAX_LEAD_TIME_DAYS) Integer leadTimeDays,
        @Size(max = 50) String paymentTerms,
        Boolean active) {}
