package io.factoryops.workforce;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partial change (PATCH, JSON merge-patch style): absent fields stay as they are. */
@Schema(example = "{\"position\": \"Shift lead\", \"active\": true}")
public record EmployeePatch(
        @Size(max = 100) @Pattern(regexp = "^\\s*\\S[\\s\\S]*$", message = "must not be blank")
        String name,

        @Email @Size(max = 255) @Pattern(regexp = "^\\s*\\S[\\s\\S]*$", message = "must not be blank")
        String email,

        @Size(max = 100) String position,
        @Size(max = 100) String department,
        @PastOrPresent LocalDate hireDate,
        Boolean active) {

    EmployeeRequest applyTo(Employee e) {
        return new EmployeeRequest(
                name != null ? name : e.getName(),
                email != null ? email : e.getEmail(),
                position != null ? position : e.getPosition(),
                department != null ? department : e.getDepartment(),
                hireDate != null ? hireDate : e.getHireDate(),
                active != null ? active : e.isActive());
    }
}
