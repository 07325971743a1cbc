package io.factoryops.workforce;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employee as POST and PUT take it (PUT replaces every field; {@code active} defaults to true). */
@Schema(
        example = "{\"name\": \"Maria Lopez\", \"email\": \"maria.lopez@plant.example\", "
                + "\"position\": \"Machine operator\", \"department\": \"Assembly\", "
                + "\"hire_date\": \"2024-03-01\", \"active\": true}")
public record EmployeeRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 255) String email,
        @Size(max = 100) String position,
        @Size(max = 100) String department,
        @PastOrPresent LocalDate hireDate,
        Boolean active) {}
